import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { searchOptions, type PickerKind } from "../lib/medusa-lists"
import { recoKeys } from "../lib/query-keys"

export const usePickerOptions = (kind: PickerKind, q: string, enabled = true) =>
  useQuery({
    queryKey: recoKeys.picker(kind, q),
    queryFn: () => searchOptions(kind, q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled,
  })
