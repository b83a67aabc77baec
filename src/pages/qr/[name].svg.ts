import type { APIRoute, GetStaticPaths } from 'astro';
import { absolute, allTargets } from '../../build-data/link-targets.ts';
import { qrSvg } from '../../lib/qr.ts';

/** One QR code per target, generated at build time as a static SVG file: /qr/<name>.svg. */
export const getStaticPaths = (async () =>
  (await allTargets()).map((target) => ({ params: { name: target.name }, props: { path: target.path } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(qrSvg(absolute((props as { path: string }).path, site)), {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
