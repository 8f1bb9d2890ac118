#include "http/server.h"

#include <signal.h>

#include <atomic>
#include <cstdio>
#include <restinio/all.hpp>
#include <thread>

#include "core/thread_pool.h"
#include "http/router.h"

namespace guiyan::http {
namespace {

struct Traits : public restinio::default_traits_t {
  static constexpr bool use_connection_count_limiter = true;
};

const char* reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 423:
      return "Locked";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Builds our Request from RESTinio's; false with an error response when the URL is malformed.
bool convert(const restinio::request_handle_t& in, Request* out, Response* error) {
  const auto& h = in->header();
  out->method = std::string(h.method().c_str());
  if (!percent_decode(h.path(), &out->path, false)) {
    *error = error_response(400, "bad_url", "请求地址编码有误");
    return false;
  }
  std::string_view q = h.query();
  while (!q.empty()) {
    size_t amp = q.find('&');
    std::string_view pair = q.substr(0, amp);
    q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string key, value;
    if (!percent_decode(pair.substr(0, eq), &key, true) ||
        !percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), &value, true)) {
      *error = error_response(400, "bad_url", "查询参数编码有误");
      return false;
    }
    out->query[key] = value;
  }
  h.for_each_field([&](const restinio::http_header_field_t& f) {
    out->headers[lower(f.name())] = std::string(f.value());
  });
  out->body = in->body();
  out->remote_ip = in->remote_endpoint().address().to_string();
  return true;
}

}  // namespace

bool percent_decode(std::string_view in, std::string* out, bool plus_is_space) {
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      auto hex = [](char h) -> int {
        if (h >= '0' && h <= '9') return h - '0';
        if (h >= 'a' && h <= 'f') return h - 'a' + 10;
        if (h >= 'A' && h <= 'F') return h - 'A' + 10;
        return -1;
      };
      int hi = hex(in[i + 1]), lo = hex(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out->push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
  return true;
}

void serve(const ServerOptions& options, const RequestHandler& handler,
           const std::function<void()>& on_listening) {
  // Block the stop signals in every thread; the calling thread waits for them below.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  core::ThreadPool workers(options.workers);
  std::atomic<long> in_flight{0};

  auto on_request = [&](restinio::request_handle_t req) {
    in_flight.fetch_add(1);
    workers.post([&, req] {
      Request ours;
      Response resp;
      try {
        bool upload =
            req->header().path().substr(0, options.upload_prefix.size()) == options.upload_prefix;
        size_t limit = upload ? options.max_upload_bytes : options.max_body_bytes;
        if (req->header().request_target().size() > options.max_header_bytes) {
          // The parser takes up to four times as much, so that this is said, not a dropped
          // connection ("无法连接服务器" in the console): a paragraph pasted into a search box.
          resp = error_response(414, "url_too_long",
                                "请求地址过长（上限 " +
                                    std::to_string(options.max_header_bytes / 1024) +
                                    " KB），请缩短搜索内容或减少筛选条件");
        } else if (req->body().size() > limit) {
          resp = error_response(
              413, "body_too_large",
              upload ? "文件过大（上限 " + std::to_string(limit >> 20) + " MB）"
                     : "请求内容过大（上限 " + std::to_string(limit / 1024) + " KB）");
        } else if (convert(req, &ours, &resp)) {
          resp = handler(ours);
        }
      } catch (const std::exception&) {
        resp = error_response(500, "internal", "服务器内部错误，请联系管理员");
      }
      auto out = req->create_response(restinio::http_status_line_t{
          restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)},
          reason_phrase(resp.status)});
      out.append_header(restinio::http_field::content_type, resp.content_type);
      out.append_header("X-Content-Type-Options", "nosniff");
      for (auto& [name, value] : resp.headers) out.append_header(name, value);
      if (!resp.temp_file.empty()) {
        try {
          out.set_body(restinio::sendfile(resp.temp_file));
        } catch (const std::exception&) {
          out.set_body(std::string("文件生成失败"));
        }
      } else {
        out.set_body(std::move(resp.body));
      }
      out.done([&in_flight, file = resp.temp_file](const asio::error_code&) {
        if (!file.empty()) std::remove(file.c_str());
        in_flight.fetch_sub(1);
      });
    });
    return restinio::request_accepted();
  };

  restinio::incoming_http_msg_limits_t limits;
  limits.max_url_size(options.max_header_bytes * 4)
      .max_field_name_size(1024)
      .max_field_value_size(options.max_header_bytes)
      .max_field_count(options.max_header_fields)
      .max_body_size(std::max<std::uint64_t>(
          std::max(options.max_body_bytes, options.max_upload_bytes) * 2, 8 << 20));

  auto server =
      restinio::run_async<Traits>(restinio::own_io_context(),
                                  restinio::server_settings_t<Traits>{}
                                      .address(options.address)
                                      .port(options.port)
                                      .request_handler(on_request)
                                      .max_pipelined_requests(options.max_pipelined)
                                      .incoming_http_msg_limits(limits)
                                      .max_parallel_connections(options.max_connections)
                                      .read_next_http_message_timelimit(options.idle_timeout)
                                      .handle_request_timeout(options.request_timeout)
                                      .socket_options_setter([](auto& opts) {
                                        opts.set_option(asio::ip::tcp::no_delay{true});
                                      }),
                                  static_cast<std::size_t>(std::max(1, options.io_threads)));
  if (on_listening) on_listening();

  int sig = 0;
  sigwait(&signals, &sig);

  // A short grace period serves requests already sent on open connections but not yet read,
  // then requests in flight finish (bounded), then the I/O threads stop.
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  server->stop();
  server->wait();
  workers.shutdown();
}

}  // namespace guiyan::http
