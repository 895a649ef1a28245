import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { recoApi } from "../lib/api"
import { recoKeys } from "../lib/query-keys"
import type { Settings } from "../lib/types"

export const useSettings = () => useQuery({ queryKey: recoKeys.settings, queryFn: () => recoApi.settings.get() })

export function useUpdateSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (patch: Partial<Settings>) => recoApi.settings.update(patch),
    onSuccess: (data) => {
      queryClient.setQueryData(recoKeys.settings, data)
      void queryClient.invalidateQueries({ queryKey: recoKeys.preview })
    },
  })
}
