// Reads a Structurizr DSL workspace on standard input and prints the lexer's and the
// parser's errors as JSON: [] means the grammar accepts it.
const { StructurizrLexer, StructurizrParser } = require("structurizr-parser");

let text = "";
process.stdin.on("data", (chunk) => (text += chunk));
process.stdin.on("end", () => {
  const lexed = StructurizrLexer.tokenize(text);
  StructurizrParser.input = lexed.tokens;
  StructurizrParser.workspaceWrapper();
  const errors = [...lexed.errors, ...StructurizrParser.errors].map((e) => e.message);
  process.stdout.write(JSON.stringify(errors));
});
