import { Photo } from "@medusajs/icons"

export const ProductThumbnail = ({ src, alt }: { src: string | null | undefined; alt: string }) => (
  <div className="bg-ui-bg-component border-ui-border-base flex h-8 w-6 flex-none items-center justify-center overflow-hidden rounded-[4px] border">
    {src ? <img src={src} alt={alt} className="h-full w-full object-cover object-center" /> : <Photo className="text-ui-fg-subtle" />}
  </div>
)
