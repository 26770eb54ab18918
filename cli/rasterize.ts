/** SVG to PNG in Node, for the charts in Word reports (the browser draws them on a canvas instead). */
import { renderAsync } from '@resvg/resvg-js';

/** Renders on libuv's thread pool, so a report's charts are drawn in parallel while the document is built. */
export async function rasterize(svg: string, widthPx: number): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(widthPx)) },
    background: '#ffffff',
    // System fonts give the chart's labels real glyphs; the family list in the SVG picks among them.
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
  });
  return new Uint8Array(image.asPng());
}
