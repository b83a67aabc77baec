/**
 * QR codes as compact SVG, generated at build time. Encoding (error correction, masking) is
 * uqr's; this module only draws the modules as one path of horizontal runs, which keeps each code
 * a few hundred bytes and crisp at any size.
 */
import { encode } from 'uqr';

/** An SVG document for `text`, dark modules on a white ground with a quiet zone of `border` modules. */
export function qrSvg(text: string, { border = 2, ecc = 'M' as const } = {}): string {
  const { data, size } = encode(text, { ecc, border });
  let d = '';
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (x + run < size && row[x + run]) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
