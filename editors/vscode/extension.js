// factcheck in VS Code: starts `factcheck lsp` and hands it the articles you open.
// Everything else (diagnostics, hovers, code actions, the rule file commands) is the server's.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function languages() {
  const selector = [];
  for (const scheme of ["file", "untitled"]) {
    for (const language of ["markdown", "html", "plaintext"]) {
      selector.push({ scheme, language });
    }
  }
  selector.push({ scheme: "file", pattern: "**/*.jsonl" });
  return selector;
}

function start() {
  const config = vscode.workspace.getConfiguration("factcheck");
  const [command, ...args] = config.get("command");
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: languages(),
    initializationOptions: {
      rules: config.get("rules"),
      against: config.get("against") || null,
      debounce: config.get("debounce"),
    },
  };
  client = new LanguageClient("factcheck", "factcheck", serverOptions, clientOptions);
  return client.start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("factcheck.restartServer", async () => {
      if (client) {
        await client.stop();
      }
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("factcheck") && client) {
        await client.stop();
        await start();
      }
    }),
  );
  await start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
