import type { APIRoute, GetStaticPaths } from 'astro';
import { CREDITS, creditVersion, licenseText, type Credit } from '../../build-data/credits.ts';

/** /licenses/<id>.txt: the licence of each package whose code or files the site ships (src/build-data/credits.ts). */
export const getStaticPaths = (() => CREDITS.map((credit) => ({ params: { id: credit.id }, props: { credit } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ credit: Credit }> = ({ props: { credit } }) =>
  new Response(`${credit.name} ${creditVersion(credit)} (${credit.pkg}), ${credit.spdx}\n${credit.homepage}\n\n${licenseText(credit)}`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
