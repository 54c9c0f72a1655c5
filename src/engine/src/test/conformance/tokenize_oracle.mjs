// The oracle of TokenizerConformanceTest: for every downloaded model, the texts of texts.json and the chats its
// template rendered (templates-expected.json), encoded the way transformers encodes a rendered chat:
// tokenizer(text, add_special_tokens=False). "ids" come from Hugging Face's tokenizers (the Rust library that
// transformers runs, as its Node binding); "port_ids" from tokenizers.js, Hugging Face's JavaScript port.
//
// Usage: node tokenize_oracle.mjs CONFORMANCE_DIR OUTPUT_DIR
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [conformanceDir, outputDir] = process.argv.slice(2);
const modules = resolve(outputDir, "node", "node_modules");
const require = createRequire(join(modules, "index.js"));
const rust = require("tokenizers");
const port = await import(pathToFileURL(join(modules, "@huggingface", "tokenizers", "dist", "tokenizers.mjs")).href);
const version = (name) => JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8")).version;

const texts = JSON.parse(readFileSync(join(conformanceDir, "texts.json"), "utf8"));
const rendered = JSON.parse(readFileSync(join(outputDir, "templates-expected.json"), "utf8")).cases
  .filter((c) => c.origin.model && c.output !== null);

const families = {};
let encodings = 0;
let disagreements = 0;
for (const family of readdirSync(join(outputDir, "models")).sort()) {
  const dir = join(outputDir, "models", family);
  if (!existsSync(join(dir, "tokenizer.json"))) continue;
  const reference = rust.Tokenizer.fromFile(join(dir, "tokenizer.json"));
  const portTokenizer = new port.Tokenizer(JSON.parse(readFileSync(join(dir, "tokenizer.json"), "utf8")),
    JSON.parse(readFileSync(join(dir, "tokenizer_config.json"), "utf8")));
  const encode = async (text) => {
    const ids = Array.from((await reference.encode(text, null, { addSpecialTokens: false })).getIds());
    const portIds = portTokenizer.encode(text, { add_special_tokens: false }).ids;
    if (JSON.stringify(ids) !== JSON.stringify(portIds)) disagreements++;
    encodings++;
    return { text, ids, port_ids: portIds };
  };
  const chats = [...new Set(rendered.filter((c) => c.origin.model === family).map((c) => c.output))];
  families[family] = { texts: [], chats: [] };
  for (const text of texts) families[family].texts.push(await encode(text));
  for (const text of chats) families[family].chats.push(await encode(text));
}
const oracle = "tokenizers " + version("tokenizers");
const second = "@huggingface/tokenizers " + version("@huggingface/tokenizers");
writeFileSync(join(outputDir, "tokens-expected.json"), JSON.stringify({ oracle, second, families }));
console.log(`[conformance] ${oracle}: ${Object.keys(families).length} tokenizers, ${encodings} encodings;`
  + ` ${second} disagrees on ${disagreements}`);
