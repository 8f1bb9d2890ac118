// The HTTP server: RESTinio on I/O threads, handlers on a worker pool, graceful shutdown.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "http/message.h"

namespace guiyan::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  int io_threads = 2;
  int workers = 8;                     // handlers may block on the database
  size_t max_body_bytes = 1 << 20;     // larger bodies get 413
  size_t max_upload_bytes = 64 << 20;  // the same for uploads (paths under upload_prefix)
  std::string upload_prefix = "/api/v1/imports";
  size_t max_header_bytes = 16 << 10;  // per header value and for the URL
  size_t max_header_fields = 100;
  size_t max_connections = 4096;
  size_t max_pipelined = 16;
  std::chrono::seconds idle_timeout{60};  // a keep-alive connection with no request
  // How long a handler may take before the connection is dropped. The handler runs on anyway,
  // so a short limit only wastes the work: an export of a million people takes 30–70 s on two
  // busy cores (at 60 s it answered nothing at all).
  std::chrono::seconds request_timeout{900};
};

using RequestHandler = std::function<Response(Request&)>;

// Serves until SIGINT or SIGTERM, then keeps serving for 250 ms (requests already sent), finishes
// the requests in flight (at most 30 s) and returns. `on_listening` is called once the port is
// bound. Throws when the address cannot be bound.
void serve(const ServerOptions& options, const RequestHandler& handler,
           const std::function<void()>& on_listening = {});

// Decodes %XX and '+' (as space when plus_is_space) in a URL component; false when malformed.
bool percent_decode(std::string_view in, std::string* out, bool plus_is_space);

}  // namespace guiyan::http
