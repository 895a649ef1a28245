import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { lookupLabel, searchOptions, type PickerKind } from "../lib/medusa-lists"
import { recoKeys } from "../lib/query-keys"

export const usePickerOptions = (kind: PickerKind, q: string, enabled = true) =>
  useQuery({
    queryKey: recoKeys.picker(kind, q),
    queryFn: () => searchOptions(kind, q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled,
  })

/** The name of a record known only by id; null while unknown or when it does not exist. */
export const useEntityLabel = (kind: PickerKind, id: string, enabled: boolean) =>
  useQuery({
    queryKey: ["reco", "picker-label", kind, id],
    queryFn: () => lookupLabel(kind, id),
    staleTime: 60_000,
    enabled: enabled && !!id,
  })
