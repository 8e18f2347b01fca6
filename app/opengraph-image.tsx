import { ogCard, OG_SIZE } from "@/components/og-card";

export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "Talk Often: keep talking with your child about staying safe online";

export default function Image() {
  return ogCard({
    title: "Keep talking with your child about staying safe online",
    label: "Short, age-right guides for parents and carers",
  });
}
