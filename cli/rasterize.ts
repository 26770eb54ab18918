/** SVG to PNG in Node, for the charts in Word reports (the browser draws them on a canvas instead). */
import { Resvg } from '@resvg/resvg-js';

export async function rasterize(svg: string, widthPx: number): Promise<Uint8Array> {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(widthPx)) },
    background: '#ffffff',
    // System fonts give the chart's labels real glyphs; the family list in the SVG picks among them.
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
  });
  return new Uint8Array(resvg.render().asPng());
}
