import { describe, expect, it } from "vitest";
import { loadedScripts } from "@/bench/web";

// The first-load JS measure (bench/web.ts) counts what a module-capable browser fetches: Next's nomodule polyfill
// script (~39 kB gzipped) is fetched by no browser that runs the app's module chunks.
describe("loadedScripts", () => {
  it("keeps every <script src> in order, once, and leaves out nomodule ones", () => {
    const html =
      '<script src="/_next/static/chunks/a.js" async="" nonce="n"></script>' +
      '<script src="/_next/static/chunks/poly.js" noModule="" nonce="n"></script>' +
      '<script nonce="n">self.__next_f=[]</script>' +
      '<script src="/_next/static/chunks/b.js?v=1&amp;x=2" nonce="n" async=""></script>' +
      '<script src="/_next/static/chunks/a.js" async=""></script>' +
      '<script nomodule src="/legacy.js"></script>' +
      '<script src="/_next/static/chunks/nomodule-named.js" data-nomodules="x"></script>';
    expect(loadedScripts(html)).toEqual([
      "/_next/static/chunks/a.js",
      "/_next/static/chunks/b.js?v=1&x=2",
      "/_next/static/chunks/nomodule-named.js",
    ]);
  });

  it("counts scripts the page preloads (a next/dynamic chunk), once, but not other preloads", () => {
    const html =
      '<link rel="preload" href="/_next/static/chunks/form.js" as="script" fetchPriority="low"/>' +
      '<link rel="preload" href="/_next/static/media/font.woff2" as="font"/>' +
      '<link rel="stylesheet" href="/_next/static/chunks/app.css"/>' +
      '<script src="/_next/static/chunks/a.js" async=""></script>' +
      '<link rel="preload" as="script" href="/_next/static/chunks/a.js"/>';
    expect(loadedScripts(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/form.js"]);
  });
});
