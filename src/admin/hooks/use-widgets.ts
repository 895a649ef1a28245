import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { recoApi } from "../lib/api"
import { recoKeys } from "../lib/query-keys"

export const useProductRecommendations = (productId: string) =>
  useQuery({ queryKey: recoKeys.product(productId), queryFn: () => recoApi.product(productId) })

export const useCustomerRecommendations = (customerId: string) =>
  useQuery({ queryKey: recoKeys.customer(customerId), queryFn: () => recoApi.customer(customerId) })

export const useOrderAttribution = (orderId: string) =>
  useQuery({ queryKey: recoKeys.order(orderId), queryFn: () => recoApi.orderAttribution(orderId) })

export function useEraseCustomerBehaviour(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => recoApi.eraseCustomerBehaviour(customerId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: recoKeys.customer(customerId) }),
  })
}
