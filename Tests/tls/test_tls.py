"""HTTPS for `piloteval serve`, both ways docs/deployment.md describes, with a
self-signed certificate made for the run (Python standard library only):

(a) the server's own TLS (`--tls-cert/--tls-key`): HTTPS with the certificate as the
    only CA, sign-in, the cookie's Secure/HttpOnly/SameSite=Strict, HSTS; plain HTTP to
    the TLS port gets no page; an address off this machine is refused without TLS;
(b) nginx with deploy/nginx/piloteval.conf (ports and paths changed, nothing else) in
    front of `serve --public-url` on loopback: sign-in, a POST with the CSRF token (and
    without it refused), the cookie Secure, one HSTS header, a sign-in from the inside
    address refused, plain HTTP sent on to HTTPS.

Run by Tests/tls/run.sh, which says what it needs.
"""
import http.client
import os
import re
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ["PILOTEVAL_BIN"]
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
PASSWORD = "tls-testets långa lösenord"
failures = []
checks = 0


def check(condition, what):
    global checks
    checks += 1
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(work, name, *options):
    """Starts `piloteval serve` and returns (process, its first line)."""
    log = open(os.path.join(work, name + ".log"), "w")
    process = subprocess.Popen([BIN, "serve", "--db", os.path.join(work, "tls.db"), "--port", "0", *options],
                               stdout=subprocess.PIPE, stderr=log, text=True)
    line = process.stdout.readline().strip()
    if not line.startswith("piloteval serve: "):
        process.kill()
        sys.exit(f"piloteval serve ({name}) did not start: {line!r}; see {log.name}")
    return process, line.removeprefix("piloteval serve: ")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def request(port, method, path, context, body=None, headers=None):
    """One HTTPS request to 127.0.0.1:port; returns (status, headers as a message, body)."""
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=15)
    headers = dict(headers or {})
    if body is not None:
        body = urllib.parse.urlencode(body).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, response.msg, data


def session_cookie(message):
    return next((c for c in message.get_all("Set-Cookie") or [] if c.startswith("piloteval_session=")), "")


def cookie_is_strict(cookie):
    attributes = [a.strip() for a in cookie.split(";")]
    return "Secure" in attributes and "HttpOnly" in attributes and "SameSite=Strict" in attributes


def sign_in(port, context, origin=None):
    headers = {"Origin": origin} if origin else {}
    return request(port, "POST", "/login", context, {"username": "tls-admin", "password": PASSWORD}, headers)


def own_tls(work, context):
    process, link = serve(work, "own", "--tls-cert", os.path.join(work, "cert.pem"),
                          "--tls-key", os.path.join(work, "key.pem"))
    try:
        port = urllib.parse.urlsplit(link).port
        check(link.startswith("https://127.0.0.1:") and "token" not in link, f"(a) the link is https without a token: {link}")
        status, headers, page = request(port, "GET", "/login", context)
        check(status == 200 and 'name="password"' in page, "(a) the sign-in page over HTTPS, the certificate as the only CA")
        check(headers.get("Strict-Transport-Security") == "max-age=31536000", "(a) HSTS on the answer")
        status, headers, _ = sign_in(port, context)
        cookie = session_cookie(headers)
        check(status == 303 and cookie_is_strict(cookie), f"(a) sign-in: 303, cookie Secure, HttpOnly, SameSite=Strict ({status})")
        status, _, page = request(port, "GET", "/", context, headers={"Cookie": cookie.split(";")[0]})
        check(status == 200 and "tls-admin" in page, "(a) signed in, the start page names the account")

        untrusted = ssl.create_default_context()
        try:
            request(port, "GET", "/login", untrusted)
            check(False, "(a) a client without the certificate as CA refuses the server")
        except ssl.SSLCertVerificationError:
            check(True, "(a) a client without the certificate as CA refuses the server")

        try:
            plain = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            plain.request("GET", "/login")
            answer = plain.getresponse()
            check(False, f"(a) plain HTTP to the TLS port gets no page (got {answer.status})")
        except (http.client.HTTPException, ConnectionError, OSError):
            check(True, "(a) plain HTTP to the TLS port gets no page")
    finally:
        stop(process)

    # Listening off this machine needs TLS: refused before anything starts.
    for options, what in [(["--host", "0.0.0.0"], "--host 0.0.0.0 without TLS"),
                          (["--host", "0.0.0.0", "--public-url", "http://piloteval.example.se"], "--public-url http://"),
                          (["--host", "0.0.0.0", "--public-url", "https://piloteval.example.se"],
                           "--public-url with --host 0.0.0.0 (plain HTTP past the proxy)")]:
        try:
            done = subprocess.run([BIN, "serve", "--db", os.path.join(work, "tls.db"), "--port", "0", *options],
                                  capture_output=True, text=True, timeout=10)
            check(done.returncode == 64 and "--public-url" in done.stderr, f"(a) {what} is refused (exit {done.returncode})")
        except subprocess.TimeoutExpired:
            check(False, f"(a) {what} is refused (it served instead)")


def behind_nginx(work, context):
    tls_port, http_port = free_port(), free_port()
    public = f"https://localhost:{tls_port}"
    process, link = serve(work, "proxied", "--public-url", public)
    prefix = os.path.join(work, "nginx")
    os.makedirs(os.path.join(prefix, "logs"))
    nginx = None
    try:
        app_port = urllib.parse.urlsplit(link).port
        # The shipped file; only what differs on a test machine is changed.
        text = open(os.path.join(ROOT, "deploy/nginx/piloteval.conf")).read()
        replacements = [
            (r"listen 80;", f"listen 127.0.0.1:{http_port};"),
            (r"listen 443 ssl http2;", f"listen 127.0.0.1:{tls_port} ssl http2;"),
            (r"\n\s*listen \[::\]:\d+[^;]*;", ""),
            (r"ssl_certificate\s+\S+;", f"ssl_certificate {work}/cert.pem;"),
            (r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {work}/key.pem;"),
            (r"server 127\.0\.0\.1:8080;", f"server 127.0.0.1:{app_port};"),
            (r"/var/log/nginx/", f"{prefix}/logs/"),
        ]
        for pattern, replacement in replacements:
            text, count = re.subn(pattern, replacement, text)
            if count == 0:
                sys.exit(f"deploy/nginx/piloteval.conf no longer has {pattern!r}; update Tests/tls/test_tls.py")
        with open(os.path.join(prefix, "piloteval.conf"), "w") as f:
            f.write(text)
        temp = "".join(f"    {kind}_temp_path {prefix}/temp-{kind};\n" for kind in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
        with open(os.path.join(prefix, "nginx.conf"), "w") as f:
            f.write(f"pid {prefix}/nginx.pid;\nerror_log {prefix}/logs/error.log;\nworker_processes 1;\n"
                    + ("user root root;\n" if os.geteuid() == 0 else "")
                    + f"events {{ worker_connections 64; }}\nhttp {{\n{temp}    include {prefix}/piloteval.conf;\n}}\n")
        command = [NGINX, "-p", prefix, "-c", os.path.join(prefix, "nginx.conf")]
        tested = subprocess.run(command + ["-t"], capture_output=True, text=True)
        check(tested.returncode == 0, "(b) nginx -t accepts deploy/nginx/piloteval.conf" + ("" if tested.returncode == 0 else ": " + tested.stderr))
        if tested.returncode != 0:
            return
        nginx = subprocess.Popen(command + ["-g", "daemon off;"], stderr=open(os.path.join(prefix, "logs/stderr.log"), "w"))
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", tls_port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)

        status, headers, page = request(tls_port, "GET", "/login?next=%2Fmodels%2Fquery-kept-out", context)
        check(status == 200 and 'name="password"' in page, "(b) the sign-in page through nginx")
        check(headers.get_all("Strict-Transport-Security") == ["max-age=31536000"], "(b) one HSTS header, nginx's")
        check(headers.get("Cache-Control") == "no-store" and "default-src 'self'" in (headers.get("Content-Security-Policy") or ""),
              "(b) the application's no-store and CSP pass through")
        status, _, _ = sign_in(tls_port, context, origin=f"http://127.0.0.1:{app_port}")
        check(status == 403, f"(b) a sign-in whose Origin is the inside address is refused ({status})")
        status, headers, _ = sign_in(tls_port, context, origin=public)
        cookie = session_cookie(headers)
        check(status == 303 and cookie_is_strict(cookie), f"(b) sign-in from {public}: 303, cookie Secure, HttpOnly, SameSite=Strict ({status})")
        session = {"Cookie": cookie.split(";")[0]}
        status, _, page = request(tls_port, "GET", "/logout", context, headers=session)
        token = re.search(r'name="_csrf" value="([^"]+)"', page)
        check(status == 200 and token is not None, "(b) a form carries the session's CSRF token")
        status, _, _ = request(tls_port, "POST", "/logout", context, {}, session)
        check(status == 403, f"(b) a POST without the CSRF token is refused ({status})")
        status, headers, _ = request(tls_port, "POST", "/logout", context, {"_csrf": token.group(1) if token else ""}, session)
        check(status == 303 and headers.get("Location") == "/login", f"(b) a POST with the CSRF token goes through ({status})")
        status, headers, _ = request(tls_port, "GET", "/", context, headers=session)
        check(status == 303 and (headers.get("Location") or "").startswith("/login"), "(b) the session ended with that POST")

        plain = http.client.HTTPConnection("127.0.0.1", http_port, timeout=5)
        plain.request("GET", "/login")
        answer = plain.getresponse()
        check(answer.status == 301 and (answer.getheader("Location") or "").startswith("https://"), "(b) plain HTTP is sent on to HTTPS")
        log = open(os.path.join(prefix, "logs/piloteval-access.log")).read()
        check("GET /login " in log and "query-kept-out" not in log, "(b) nginx's access log has the requests, without query strings")
    finally:
        if nginx:
            nginx.terminate()
            nginx.wait(timeout=10)
        stop(process)


def main():
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="piloteval-tls-") as work:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                        "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                        "-keyout", os.path.join(work, "key.pem"), "-out", os.path.join(work, "cert.pem")],
                       check=True, capture_output=True)
        subprocess.run([BIN, "users", "add", "tls-admin", "--role", "admin", "--db", os.path.join(work, "tls.db")],
                       input=PASSWORD + "\n", check=True, capture_output=True, text=True)
        context = ssl.create_default_context(cafile=os.path.join(work, "cert.pem"))
        own_tls(work, context)
        behind_nginx(work, context)
    print(f"tls tests: {checks - len(failures)} of {checks} checks passed in {time.monotonic() - started:.1f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
