"""The benchmark's server: HTTP/1.1 with keep-alive on 127.0.0.1, answering each path with bytes encoded once.

It runs in its own process (`python -m benchmarks.server`), so that its work and its objects stay out of the
measured process: it prints `READY <port>` when it listens, and stops when its standard input closes.
"""

from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict

from benchmarks import payloads

STATE_TYPE_PATH = "/v1/web_backend/state/get_type"
LIST_PATH = "/v1/web_backend/connections/list"
GET_PATH = "/v1/web_backend/connections/get"
CREATE_PATH = "/v1/web_backend/connections/create"


def answers() -> Dict[str, bytes]:
    """The body each path answers, whatever the request."""
    connection = payloads.encode(payloads.connection_read())
    return {
        STATE_TYPE_PATH: payloads.encode("stream"),
        LIST_PATH: payloads.encode(payloads.connection_list()),
        GET_PATH: connection,
        CREATE_PATH: connection,
    }


def _handler(responses: Dict[str, bytes]) -> type:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Small answers must not wait for the client's delayed ACK.
        disable_nagle_algorithm = True

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            response = responses.get(self.path)
            if response is None:
                self.send_error(404)
                return
            self.wfile.write(response)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def _encoded_responses() -> Dict[str, bytes]:
    # Status line, headers and body in one buffer: one write per answer.
    encoded = {}
    for path, body in answers().items():
        head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        encoded[path] = head.encode("ascii") + body
    return encoded


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(_encoded_responses()))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"READY {server.server_address[1]}", flush=True)
    sys.stdin.read()  # until the benchmark closes our standard input, or exits
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    main()
