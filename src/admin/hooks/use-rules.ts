import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { recoApi } from "../lib/api"
import { recoKeys } from "../lib/query-keys"
import type { RuleInput, RulesQuery } from "../lib/types"

export const useRules = (query: RulesQuery, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: recoKeys.ruleList(query),
    queryFn: () => recoApi.rules.list(query),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  })

/** Rules change what every list shows: rules, previews and the product widget refetch. */
function useInvalidateRules() {
  const queryClient = useQueryClient()
  return () => {
    void queryClient.invalidateQueries({ queryKey: recoKeys.rules })
    void queryClient.invalidateQueries({ queryKey: recoKeys.preview })
    void queryClient.invalidateQueries({ queryKey: ["reco", "product"] })
  }
}

export function useCreateRule() {
  const invalidate = useInvalidateRules()
  return useMutation({ mutationFn: (body: RuleInput) => recoApi.rules.create(body), onSuccess: invalidate })
}

export function useUpdateRule() {
  const invalidate = useInvalidateRules()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<RuleInput> }) => recoApi.rules.update(id, body),
    onSuccess: invalidate,
  })
}

export function useDeleteRule() {
  const invalidate = useInvalidateRules()
  return useMutation({ mutationFn: (id: string) => recoApi.rules.delete(id), onSuccess: invalidate })
}
