// Runs SearchBench's queries through Pagefind's own search code (its pagefind.js and WebAssembly, from the bundle it
// wrote) and prints, as one JSON object, how its answers compare with the scan SearchBench wrote down, and the bytes
// a reader's browser would download before its first ten results. Used by bench/search-peer:
//   node bench/pagefind-queries.mjs BUNDLE QUERIES
// BUNDLE is the folder Pagefind wrote (pagefind.js, pagefind-entry.json, index/, fragment/); QUERIES the file of
// `SearchBench --queries`, one {"q": ..., "expected": [addresses]} a line.
//
// Node is not a browser, so two things are supplied: fetch, which reads the bundle's files from disk and notes what
// each query read; and document, whose only use here is the page's language: Pagefind reads <html lang>, and only
// for zh does it cut a query into words (with Intl.Segmenter) as it cut the pages when it indexed them.
import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";

const [bundle, queryFile] = process.argv.slice(2);
if (!bundle || !queryFile) {
  console.error("usage: node bench/pagefind-queries.mjs BUNDLE QUERIES");
  process.exit(2);
}
const BASE = "http://pagefind.invalid/pagefind/";
const queries = readFileSync(queryFile, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));

/* Bytes on the wire, as a static host serves them: Pagefind's index, fragment and wasm files are gzip already;
   JavaScript and JSON the host compresses. */
const served = new Map();
function servedSize(rel) {
  if (!served.has(rel)) {
    const bytes = readFileSync(`${bundle}/${rel}`);
    served.set(rel, /\.(js|json|css)$/.test(rel) ? gzipSync(bytes).length : bytes.length);
  }
  return served.get(rel);
}

let reads = new Set();
globalThis.fetch = async (input) => {
  const rel = decodeURIComponent(new URL(String(input)).pathname.slice("/pagefind/".length));
  reads.add(rel);
  return new Response(readFileSync(`${bundle}/${rel}`), { status: 200 });
};
globalThis.document = { currentScript: null, querySelector: () => ({ getAttribute: () => "zh-CN" }) };

/* Every result's address, read once from the fragments (what result.data() would fetch, one file per result), so that
   a query matching thousands of pages need not decompress thousands of files again. A file holds one page's
   fragment, or, when Pagefind bundles them (--max-fragments), several by page hash. */
const addressOf = new Map();
for (const name of readdirSync(`${bundle}/fragment`)) {
  const json = JSON.parse(gunzipSync(readFileSync(`${bundle}/fragment/${name}`)).subarray(12).toString("utf8"));
  if (typeof json.url === "string") {
    addressOf.set(name.replace(/\.pf_fragment$/, ""), json.url);
  } else {
    for (const [hash, fragment] of Object.entries(json)) {
      addressOf.set(hash, fragment.url);
    }
  }
}
const address = (url) => url.replace(/^\//, "");

/* In a browser pagefind.js starts pagefind-worker.js and searches there: both scripts are downloaded. */
const scripts = servedSize("pagefind.js") + servedSize("pagefind-worker.js");
const pagefind = await import(pathToFileURL(`${bundle}/pagefind.js`).href);

/* One mode: each query from a new instance (a reader's first search on the page), its first ten results' data
   loaded as a results list shows them, then every result's address compared with the scan. */
async function run(label, text) {
  let right = 0, returned = 0, wanted = 0, exact = 0, absentAnswered = 0, absent = 0;
  const transfer = [];
  const examples = [];
  for (const { q, expected } of queries) {
    reads = new Set();
    const instance = pagefind.createInstance({ basePath: BASE, baseUrl: "/" });
    const search = await instance.search(text(q));
    const firstTen = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
    for (let k = 0; k < firstTen.length; k++) {
      if (address(firstTen[k].url) !== address(addressOf.get(search.results[k].id))) {
        throw new Error(`result ${search.results[k].id} of ${q}: data() says ${firstTen[k].url}`);
      }
    }
    transfer.push(scripts + [...reads].reduce((sum, rel) => sum + servedSize(rel), 0));
    await instance.destroy();
    const found = new Set(search.results.map((result) => address(addressOf.get(result.id))));
    const want = new Set(expected);
    const hits = [...found].filter((a) => want.has(a)).length;
    right += hits;
    returned += found.size;
    wanted += want.size;
    if (hits === want.size && hits === found.size) {
      exact++;
    } else if (examples.length < 8) {
      examples.push({ q, expected: want.size, found: found.size, missed: want.size - hits, extra: found.size - hits });
    }
    if (want.size === 0) {
      absent++;
      absentAnswered += found.size > 0 ? 1 : 0;
    }
  }
  transfer.sort((a, b) => a - b);
  return {
    mode: label, queries: queries.length, exact, recall: wanted ? right / wanted : 1,
    precision: returned ? right / returned : 1, wanted, returned, right, absent, absentAnswered,
    transfer: {
      median: transfer[Math.floor(transfer.length / 2)],
      p95: transfer[Math.floor(transfer.length * 95 / 100)],
      worst: transfer[transfer.length - 1],
    },
    examples,
  };
}

const results = [];
results.push(await run("as typed", (q) => q));
results.push(await run("quoted (Pagefind's exact phrase)", (q) => `"${q}"`));
console.log(JSON.stringify({ pages: addressOf.size, scripts, results }, null, 1));
