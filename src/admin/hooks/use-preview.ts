import { useQuery } from "@tanstack/react-query"
import { recoApi } from "../lib/api"
import { recoKeys } from "../lib/query-keys"
import type { PreviewQuery } from "../lib/types"

export const usePreview = (query: PreviewQuery | null) =>
  useQuery({
    queryKey: recoKeys.previewFor(query ?? {}),
    queryFn: () => recoApi.preview(query as PreviewQuery),
    enabled: query !== null,
    staleTime: 0,
  })
