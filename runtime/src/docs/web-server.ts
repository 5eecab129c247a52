// Catalogue entries for the web server (stdlib/web-serve.ts, web-router.ts, web-responses.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const w = (sig: string | string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('web-server', sig, summary, examples);
const JSON_BODY = 'with the value JSON-encoded as the body (`content-type: application/json`).';

export const webServerDocs: BuiltinDoc[] = [
  w(['(http/serve handler)', '(http/serve handler options)'],
    'Starts an HTTP server and blocks, calling `handler` with each request map (`:method :path :headers :query :params :body`, plus `:json` for JSON bodies) and sending back the response map it returns. Options: `:port` (default 3000) and `:host` (default `"0.0.0.0"`). Prints `Listening on host:port` to stderr; handler errors answer 500; Ctrl+C stops it.',
    ['(http/serve (fn (req) (http/ok {:message "Hello"})) {:port 3000})']),
  w('(http/router routes)',
    'A handler that dispatches on a table of `[method pattern handler]` routes, first match wins, else 404. Methods: `:get :post :put :patch :delete :any :ws`, and `:static` with a directory in place of the handler. Patterns capture `:name` segments and `*` (the rest of the path) into `:params`.',
    ['(http/router [[:get "/users/:id" get-user] [:static "/assets" "./public"]])']),
  w('(http/ok value)', `A 200 response ${JSON_BODY}`, ['(http/ok [1 2 3])  ; => {:body "[1,2,3]" :headers {"content-type" "application/json"} :status 200}']),
  w('(http/created value)', `A 201 response ${JSON_BODY}`, ['(http/created {:id 42})']),
  w('(http/no-content)', 'A 204 response with an empty body.', ['(http/no-content)  ; => {:body "" :headers {} :status 204}']),
  w('(http/not-found value)', `A 404 response ${JSON_BODY}`, ['(http/not-found {:error "User not found"})']),
  w('(http/error status value)', `A response with the given status ${JSON_BODY}`, ['(http/error 422 {:errors ["Invalid email"]})']),
  w('(http/redirect url)', 'A 302 response with a `location` header.', ['(http/redirect "/login")  ; => {:body "" :headers {"location" "/login"} :status 302}']),
  w('(http/html text)', 'A 200 response with `content-type: text/html`.', ['(http/html "<h1>Hello</h1>")']),
  w('(http/text text)', 'A 200 response with `content-type: text/plain`.', ['(http/text "OK")  ; => {:body "OK" :headers {"content-type" "text/plain"} :status 200}']),
  w(['(http/file path)', '(http/file path content-type)'],
    'A response that sends the file at `path` (relative to the working directory; read by the I/O thread), with its content type guessed from the extension unless given. A missing file is an error.',
    ['(http/file "public/index.html")', '(http/file "data/report.pdf" "application/pdf")']),
  w('(http/stream handler)',
    'A Server-Sent Events response: `handler` is called with a `send` function; each `(send text)` reaches the client as a `data:` event at once, and the stream closes when the handler returns.',
    ['(http/stream (fn (send) (send "connected") (send "done")))']),
  w('(http/websocket handler)',
    'A WebSocket response (also what a `:ws` route gives): after the upgrade, `handler` is called with `{:send :recv :close}`; `((:recv conn))` blocks until a text message arrives and gives nil once the client has closed; the socket closes when the handler returns. A plain (non-upgrade) request gets 400.',
    ['(http/websocket (fn (conn) ((:send conn) (string/append "echo: " ((:recv conn))))))']),
  fnDoc('route', '(route/prefix prefix routes)', 'The routes (vectors `[method pattern handler ...]`) with `prefix` put before each pattern; a trailing slash on the prefix is dropped.', [
    '(route/prefix "/api" [[:get "/users" list-users]])',
  ]),
  fnDoc('web-server', '(tools->routes tools)', 'Routes for `deftool` tools: `POST /tools/<name>` calls the tool\'s handler with the request\'s JSON body (a map) and answers its result as JSON; `GET /tools/<name>/schema` answers the name, description and parameter schema.', [
    '(http/router (tools->routes [get-weather]))',
  ], ['route/from-tools']),
];
