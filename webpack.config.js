// Builds the task pane and the commands page, like the Office task-pane template. The production build
// swaps the development URL in the manifest for the production URL (DVO_PROD_URL, set by IT at deploy).
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000";
const urlProd = (process.env.DVO_PROD_URL || "https://dvo-addendum.example.org").replace(/\/+$/, ""); // where IT hosts dist/

async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  // --env e2e: also the end-to-end check for people with real Excel (test/end-to-end, README "Proef in echte
  // Excel"): its page, and dist/manifest-e2e.xml, a second add-in (own Id) whose task pane is that page.
  const e2e = Boolean(env && env.e2e);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
      ...(e2e ? { e2e: "./test/end-to-end/e2e.ts" } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    // ES2022, like tsconfig: the supported Excel (2021 and later, Microsoft 365, the web; ExcelApi 1.14 in the
    // manifest) runs add-ins in WebView2 / Chromium or Safari 15+. Older webviews get webview-check.js's message.
    target: ["web", "es2022"],
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], scriptLoading: "defer" }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], scriptLoading: "defer" }),
      ...(e2e ? [new HtmlWebpackPlugin({ filename: "e2e.html", template: "./test/end-to-end/e2e.html", chunks: ["e2e"], scriptLoading: "defer" })] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/taskpane/webview-check.js", to: "webview-check.js" },
          ...(e2e
            ? [{
              from: "manifest.xml",
              to: "manifest-e2e.xml",
              transform(content) {
                return content.toString()
                  .replace(/<Id>[^<]*<\/Id>/, "<Id>5b0e3c1d-2f4a-4e6b-9d7c-e2e0d0a00001</Id>")
                  .replace(/DVO Addendum/g, "DVO Addendum (proef)")
                  .replace(/taskpane\.html/g, "e2e.html");
              },
            }]
            : []),
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions() },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
