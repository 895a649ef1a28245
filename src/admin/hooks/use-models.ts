import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { recoApi } from "../lib/api"
import { recoKeys } from "../lib/query-keys"
import type { ModelRunsQuery, RetrainMode, TrainingResponse } from "../lib/types"

export const TRAINING_POLL_MS = 2_000

export const useModelRuns = (query: ModelRunsQuery) =>
  useQuery({ queryKey: recoKeys.modelList(query), queryFn: () => recoApi.models.list(query), placeholderData: keepPreviousData })

const isBusy = (data: TrainingResponse | undefined) => !!data && (data.running.length > 0 || data.queued_jobs > 0)

/**
 * Live training state: polled every 2 s while a run is running or a job is queued (and for a
 * short while after a retrain was asked for, until the worker picks the job up).
 */
export function useTraining(options: { watchUntil?: number } = {}) {
  const queryClient = useQueryClient()
  return useQuery({
    queryKey: recoKeys.training,
    queryFn: async () => {
      const before = queryClient.getQueryData<TrainingResponse>(recoKeys.training)
      const next = await recoApi.training()
      // A run finished (or a new one started): the runs table is stale.
      const ids = (d?: TrainingResponse) => [...(d?.running ?? []).map((r) => `${r.id}:${r.status}`), d?.last_finished?.id ?? ""].join(",")
      if (before && ids(before) !== ids(next)) void queryClient.invalidateQueries({ queryKey: recoKeys.models })
      return next
    },
    refetchInterval: (query) =>
      isBusy(query.state.data) || (options.watchUntil !== undefined && Date.now() < options.watchUntil) ? TRAINING_POLL_MS : false,
  })
}

export function useRetrain() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (mode: RetrainMode) => recoApi.models.retrain(mode),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recoKeys.training })
      void queryClient.invalidateQueries({ queryKey: recoKeys.models })
    },
  })
}

export function useActivateRun() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (runId: string) => recoApi.models.activate(runId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recoKeys.models })
      void queryClient.invalidateQueries({ queryKey: recoKeys.preview })
    },
  })
}

export function useCancelRun() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (runId: string) => recoApi.models.cancel(runId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recoKeys.models })
      void queryClient.invalidateQueries({ queryKey: recoKeys.training })
    },
  })
}
