import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "data/", ".cache/", "app/styles/waymark.css", "app/assets/govuk-frontend.min.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": ["error", { ignoreRestArgs: true }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: "Only sanitised content of our own may be set as HTML; use the knowledge renderer's SafeHtml component.",
        },
      ],
    },
  },
  {
    // Migrations take Kysely<any> on purpose: they are frozen in time and must not follow the schema.
    files: ["db/migrations/**/*.ts", "db/migrator.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["app/assets/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["~/routes/*", "./*", "../*"], message: "Routes never import from other routes; move shared code to a domain module." }] }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: "Only sanitised content of our own may be set as HTML; use the knowledge renderer's SafeHtml component.",
        },
        {
          selector: "CallExpression[callee.object.name='request'][callee.property.name='formData']",
          message: "Use readFormData(request) from ~/lib/forms: a body that is not a form gets a 400 page, not a 500.",
        },
      ],
    },
  },
);
