import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { recoApi } from "../lib/api"
import { recoKeys } from "../lib/query-keys"
import type { CreateExperimentBody } from "../lib/types"

export const useExperiments = (query: { status?: string; limit?: number; offset?: number }) =>
  useQuery({ queryKey: recoKeys.experimentList(query), queryFn: () => recoApi.experiments.list(query), placeholderData: keepPreviousData })

/** Results refresh every 30 s while the experiment runs. */
export const useExperiment = (id: string) =>
  useQuery({
    queryKey: recoKeys.experiment(id),
    queryFn: () => recoApi.experiments.get(id),
    refetchInterval: (query) => (query.state.data?.experiment.status === "running" ? 30_000 : false),
  })

function useInvalidateExperiments() {
  const queryClient = useQueryClient()
  return () => {
    void queryClient.invalidateQueries({ queryKey: recoKeys.experiments })
    void queryClient.invalidateQueries({ queryKey: recoKeys.models })
    void queryClient.invalidateQueries({ queryKey: recoKeys.preview })
  }
}

export function useCreateExperiment() {
  const invalidate = useInvalidateExperiments()
  return useMutation({ mutationFn: (body: CreateExperimentBody) => recoApi.experiments.create(body), onSuccess: invalidate })
}

export function useStopExperiment() {
  const invalidate = useInvalidateExperiments()
  return useMutation({ mutationFn: (id: string) => recoApi.experiments.stop(id), onSuccess: invalidate })
}

export function usePromoteArm() {
  const invalidate = useInvalidateExperiments()
  return useMutation({ mutationFn: ({ id, arm }: { id: string; arm: string }) => recoApi.experiments.promote(id, arm), onSuccess: invalidate })
}
