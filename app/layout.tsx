import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { SkipLink } from "@/components/skip-link";
import { getEnv } from "@/lib/server/env";
import "./globals.css";

export const metadata: Metadata = {
  // Canonical URLs, the sitemap and Open Graph images are absolute, from APP_URL at build time.
  metadataBase: new URL(getEnv().APP_URL),
  openGraph: { siteName: "Talk Often", locale: "en_GB", type: "website" },
  icons: { icon: "/icon.svg" },
  title: {
    default: "Talk Often: keep talking with your child about staying safe online",
    template: "%s · Talk Often",
  },
  description:
    "Short, age-right guides that help parents and carers talk with their children about staying safe online, and a monthly reminder to keep the conversation going.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fdfcf9" },
    { media: "(prefers-color-scheme: dark)", color: "#121816" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col">
        <SkipLink />
        <SiteHeader />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 focus:outline-none"
        >
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
