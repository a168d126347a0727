#!/usr/bin/env node
// Check every ```mermaid fenced block in the given Markdown files with Mermaid's
// own parser (the official `mermaid` npm package, run headlessly: jsdom supplies
// the `window`/`document` that Mermaid's bundled DOMPurify needs at import time).
//
//   npm ci                       (once, here; node_modules/ is git-ignored)
//   node check.mjs [--render] ../../generated/*/README.md
//
// Prints `path: ok` for a file whose blocks all parse, and
// `path:line: message` for each block Mermaid rejects (line = the line of the
// file where Mermaid's parser stopped, or the opening fence when it gave none).
// A file with no mermaid block at all is an error too: every brief must carry
// its diagram. Exit status: 0 when every file is ok, 1 when any is not, 2 on
// bad usage.
//
// --render additionally runs `mermaid.render` on each block that parses (jsdom
// has no layout engine, so text is measured by a fixed-width stub; geometry is
// meaningless but the whole render pipeline runs) and fails a block whose
// rendered labels carry Markdown formatting (<strong>, <em>, ...): Mermaid runs
// class-member text through Markdown, so e.g. `+__init__(x)` is drawn as a
// bold "init". The parse check alone cannot see that.

import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const OPEN_FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;

/** Every fenced code block whose info string starts with `mermaid`, CommonMark-style. */
function mermaidBlocks(markdown) {
  const lines = markdown.split(/\r\n|\n|\r/);
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const open = OPEN_FENCE.exec(lines[i]);
    if (!open) {
      i += 1;
      continue;
    }
    const [, indent, fence, info] = open;
    const close = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    const body = [];
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j])) {
      // CommonMark: strip up to the opening fence's indentation from each content line.
      body.push(lines[j].replace(new RegExp(`^ {0,${indent.length}}`), ""));
      j += 1;
    }
    if (info.toLowerCase() === "mermaid") {
      blocks.push({
        fenceLine: i + 1, // 1-based line of the opening fence
        text: body.join("\n"),
        closed: j < lines.length,
      });
    }
    i = j + 1;
  }
  return blocks;
}

function oneLine(message) {
  return String(message).replace(/\s*\n\s*/g, " | ").trim();
}

/** The file line where Mermaid's parser stopped, when the error says so. */
function errorLine(error, block) {
  const loc = error?.hash?.loc;
  let inner = loc && Number.isInteger(loc.first_line) ? loc.first_line : undefined;
  if (inner === undefined) {
    const m = /on line (\d+)/.exec(String(error?.message ?? ""));
    if (m) inner = Number(m[1]);
  }
  return inner === undefined ? block.fenceLine : block.fenceLine + inner;
}

const MARKDOWN_TAGS = /<(strong|em|del|code|a|img|h[1-6]|ul|ol|li|blockquote)[\s>]/i;

function textOf(html) {
  return html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();
}

/** Labels of a rendered SVG that Markdown turned into formatted text. */
function markdownArtifacts(svg) {
  const labels = [];
  for (const m of svg.matchAll(/<p>([\s\S]*?)<\/p>/g)) {
    if (MARKDOWN_TAGS.test(m[1])) labels.push(m[1]);
  }
  return labels;
}

/** The file line of the block whose letters and digits are those of a rendered label. */
function sourceLine(block, shown, used) {
  const key = (text) => text.replace(/[^A-Za-z0-9]/g, "");
  const lines = block.text.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    if (!used.has(i) && key(lines[i]) === key(shown)) {
      used.add(i);
      return block.fenceLine + 1 + i;
    }
  }
  return block.fenceLine;
}

function installTextMetricsStubs(window) {
  const box = (node) => {
    const width = 8 * (node.textContent || "").length + 1;
    return { x: 0, y: 0, width, height: 16, top: 0, left: 0, right: width, bottom: 16 };
  };
  window.SVGElement.prototype.getBBox = function getBBox() {
    return box(this);
  };
  window.SVGElement.prototype.getComputedTextLength = function getComputedTextLength() {
    return box(this).width - 1;
  };
  window.Element.prototype.getBoundingClientRect = function getBoundingClientRect() {
    return box(this);
  };
}

async function loadMermaid() {
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
  globalThis.window = dom.window;
  globalThis.document = dom.window.document;
  // Only render() needs these; parse() needs just window/document.
  for (const name of ["CSSStyleSheet", "Element", "SVGElement", "HTMLElement", "Node", "DOMParser", "XMLSerializer"]) {
    if (!(name in globalThis)) globalThis[name] = dom.window[name];
  }
  installTextMetricsStubs(dom.window);
  // Imported only now: DOMPurify looks for `window` when its module is evaluated.
  const { default: mermaid } = await import("mermaid");
  mermaid.initialize({ startOnLoad: false, logLevel: "fatal", securityLevel: "strict" });
  return mermaid;
}

async function main(argv) {
  const render = argv.includes("--render");
  const files = argv.filter((a) => a !== "--" && a !== "--render");
  if (files.length === 0 || files.some((a) => a === "-h" || a === "--help" || a.startsWith("--"))) {
    process.stderr.write("usage: node check.mjs [--render] FILE.md [FILE.md ...]\n");
    return 2;
  }
  const mermaid = await loadMermaid();
  let failed = 0;
  let renderCount = 0;
  for (const path of files) {
    let markdown;
    try {
      markdown = readFileSync(path, "utf8");
    } catch (error) {
      console.log(`${path}: cannot read: ${oneLine(error.message)}`);
      failed += 1;
      continue;
    }
    const blocks = mermaidBlocks(markdown);
    const errors = [];
    if (blocks.length === 0) errors.push(`${path}:1: no \`\`\`mermaid block found`);
    for (const block of blocks) {
      if (!block.closed) {
        errors.push(`${path}:${block.fenceLine}: mermaid block is never closed`);
        continue;
      }
      try {
        // Throws on anything Mermaid's grammar or diagram database rejects.
        await mermaid.parse(block.text);
      } catch (error) {
        errors.push(`${path}:${errorLine(error, block)}: ${oneLine(error?.message ?? error)}`);
        continue;
      }
      if (!render) continue;
      try {
        const { svg } = await mermaid.render(`diagram${(renderCount += 1)}`, block.text);
        const used = new Set();
        for (const label of markdownArtifacts(svg)) {
          errors.push(
            `${path}:${sourceLine(block, textOf(label), used)}: rendered label is Markdown-formatted, not literal: ` +
              `${JSON.stringify(label)} (shows as ${JSON.stringify(textOf(label))})`,
          );
        }
      } catch (error) {
        errors.push(`${path}:${block.fenceLine}: render failed: ${oneLine(error?.message ?? error)}`);
      }
    }
    if (errors.length) {
      failed += 1;
      for (const line of errors) console.log(line);
    } else {
      console.log(`${path}: ok`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
