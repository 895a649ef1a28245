import { EyeSlash, PinTack } from "@medusajs/icons"
import { IconButton, Text, Tooltip, toast, usePrompt } from "@medusajs/ui"
import { useCreateRule } from "../../hooks/use-rules"
import { humanize } from "../../lib/format"
import { errorMessage } from "../../lib/http"
import type { WidgetItem } from "../../lib/types"
import type { RuleFormValues } from "../rules/rule-form-values"
import { RecommendedItemRow } from "./recommended-item-row"

type Props = {
  placement: "related" | "bought_together"
  title: string
  items: WidgetItem[]
  /** Opens the rule drawer with these values (pin: adjust the position before saving). */
  onPin: (seed: Partial<RuleFormValues>) => void
}

/** A product page list with pin and exclude buttons that create merchant rules in place. */
export const ProductListSection = ({ placement, title, items, onPin }: Props) => {
  const create = useCreateRule()
  const prompt = usePrompt()
  const exclude = async (item: WidgetItem) => {
    const ok = await prompt({
      title: `Exclude "${item.title}"?`,
      description: `It will no longer be shown in any ${humanize(placement).toLowerCase()} list. You can delete the rule later under Recommendations → Rules.`,
      confirmText: "Exclude",
      cancelText: "Cancel",
    })
    if (!ok) return
    create.mutate(
      { action: "exclude", target_type: "product", target_id: item.product_id, placement, note: `Excluded from the page of a product` },
      {
        onSuccess: () => toast.success("Excluded", { description: `${item.title} is no longer recommended in ${humanize(placement).toLowerCase()}.` }),
        onError: (e) => toast.error("Could not create the rule", { description: errorMessage(e) }),
      }
    )
  }
  return (
    <div className="flex flex-col py-2" data-testid={`widget-${placement}`}>
      <Text size="small" weight="plus" leading="compact" className="px-6 py-2">
        {title}
      </Text>
      {items.length ? (
        items.map((item, i) => (
          <RecommendedItemRow
            key={item.product_id}
            item={item}
            position={i}
            actions={
              <>
                <Tooltip content="Pin at this position">
                  <IconButton
                    size="small"
                    variant="transparent"
                    aria-label={`Pin ${item.title}`}
                    onClick={() =>
                      onPin({
                        action: "pin",
                        target_type: "product",
                        target_id: item.product_id,
                        target_label: item.title,
                        placement,
                        position: String(i),
                      })
                    }
                  >
                    <PinTack />
                  </IconButton>
                </Tooltip>
                <Tooltip content="Exclude from this list">
                  <IconButton size="small" variant="transparent" aria-label={`Exclude ${item.title}`} onClick={() => void exclude(item)}>
                    <EyeSlash />
                  </IconButton>
                </Tooltip>
              </>
            }
          />
        ))
      ) : (
        <Text size="small" className="text-ui-fg-muted px-6 py-2">
          Nothing yet: it fills in once shoppers view and buy this product with others.
        </Text>
      )}
    </div>
  )
}
