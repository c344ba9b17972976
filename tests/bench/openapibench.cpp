// SPDX-License-Identifier: Apache-2.0
// Real OpenAPI documents (../shared/external/openapi-docs), per document:
//   * load     — OpenApi::Document::load in a fresh process (min and median of --runs runs), the
//                process's RSS after the load and its peak;
//   * page     — the portal's API page for every operation (renderOperations): bytes, time;
//   * mock     — sampled operations through a running `airgatectl serve` (one `mock:` service per
//                document, keyless routes): latency of each request on its own connection;
// then, on the same gateway with its portal signed in through a real OpenID provider, the
// latency of API requests (a paced load on a mock route, measured from each request's intended
// send time so stalls are not hidden) alone, while cached Stripe and GitHub pages are viewed
// concurrently, and while those pages render (a reload before each round of views).
//   airgate-bench-openapi [--runs N] [--seconds S] [--rate R] [--viewers V] [--view-gap MS]
//                         [--only NAME]
#include "gatewaytest.h"
#include "openapisample.h"
#include "portalsession.h"

#include "openapi/openapidocument.h"
#include "openapi/schemaexample.h"
#include "portal/openapi.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>
#include <QThread>
#include <QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

using namespace Airgate;
using namespace AirgateTest;
using Clock = std::chrono::steady_clock;

namespace {

const QString kCorpus = QStringLiteral(AIRGATE_SHARED_DIR "/external/openapi-docs");

struct CorpusDoc
{
    const char *name; ///< API name and host prefix
    const char *file; ///< inside the corpus
};

const CorpusDoc kDocs[] = {{"docker", "docker-engine-2.0.yaml"},
                           {"github", "github-api-3.0.json"},
                           {"petstore", "oai-petstore-3.0.yaml"},
                           {"petstore-expanded", "oai-petstore-expanded-3.0.json"},
                           {"petstore-separate", "oai-petstore-separate-2.0/spec/swagger.yaml"},
                           {"webhook", "oai-webhook-example-3.1.yaml"},
                           {"openai", "openai-3.1.yaml"},
                           {"cafe", "redocly-cafe-3.1/openapi.yaml"},
                           {"museum", "redocly-museum-3.1.yaml"},
                           {"stripe", "stripe-spec3-3.0.json"}};

/** A figure from /proc/<pid>/status, in kB ("VmRSS", "VmHWM"). */
long procStatusKb(const QByteArray &field, qint64 pid = 0)
{
    QFile f(pid ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toLong();
    return 0;
}

double ms(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, static_cast<size_t>(p / 100.0 * double(v.size())));
    return v[i];
}

double minOf(const std::vector<double> &v)
{
    return v.empty() ? 0 : *std::min_element(v.begin(), v.end());
}

// ---- the per-document child ------------------------------------------------------------------

/** Loads and renders one document; prints "loadNs rssKb peakKb renderNs pageBytes operations". */
int loadChild(const QString &file, const QString &root)
{
    OpenApi::LoadOptions o;
    o.root = root;
    const auto t0 = Clock::now();
    auto doc = OpenApi::Document::load(file, o);
    const auto t1 = Clock::now();
    if (!doc) {
        std::fprintf(stderr, "%s\n", qPrintable(doc.error().message));
        return 2;
    }
    const long rss = procStatusKb("VmRSS");
    const long peak = procStatusKb("VmHWM");
    std::vector<const OpenApi::Operation *> all;
    for (const OpenApi::Operation &op : (*doc)->operations())
        all.push_back(&op);
    Runtime::Portal::RenderOptions options;
    options.apiKey = QStringLiteral("apps/api");
    options.csrf = QString(QChar(Runtime::Portal::kCsrfMarker));
    const auto t2 = Clock::now();
    const QByteArray page
        = Runtime::Portal::renderOperations(**doc, all, options, [](const char *s) {
              return QString::fromUtf8(s);
          }).toUtf8();
    const auto t3 = Clock::now();
    std::printf("%lld %ld %ld %lld %lld %zu\n",
                static_cast<long long>(std::chrono::nanoseconds(t1 - t0).count()), rss, peak,
                static_cast<long long>(std::chrono::nanoseconds(t3 - t2).count()),
                static_cast<long long>(page.size()), all.size());
    return 0;
}

QByteArray runChild(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QCoreApplication::applicationFilePath(), args);
    p.waitForFinished(120000);
    return p.exitCode() == 0 ? p.readAllStandardOutput().trimmed() : QByteArray();
}

// ---- plain blocking HTTP clients ---------------------------------------------------------------

int connectLoopback(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

bool sendAll(int fd, const QByteArray &bytes)
{
    qsizetype off = 0;
    while (off < bytes.size()) {
        const ssize_t n
            = ::send(fd, bytes.constData() + off, size_t(bytes.size() - off), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        off += n;
    }
    return true;
}

/** One request on its own connection, read to the server's close: status and body size. */
struct Fetched
{
    int status = 0;
    qint64 bytes = 0;
    double ms = 0;
};

Fetched fetch(quint16 port, const QByteArray &raw)
{
    Fetched f;
    const auto t0 = Clock::now();
    const int fd = connectLoopback(port);
    if (fd < 0)
        return f;
    QByteArray in;
    if (sendAll(fd, raw)) {
        char buf[65536];
        ssize_t n = 0;
        while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0)
            in.append(buf, n);
    }
    ::close(fd);
    f.ms = ms(Clock::now() - t0);
    if (in.startsWith("HTTP/1.1 "))
        f.status = in.mid(9, 3).toInt();
    const qsizetype head = in.indexOf("\r\n\r\n");
    f.bytes = head < 0 ? 0 : in.size() - head - 4;
    return f;
}

/**
 * A paced load on one keep-alive connection: a request every @p intervalUs, each latency taken
 * from the request's intended send time (a stall delays every request behind it, and counts).
 */
class PacedClient
{
public:
    struct Sample
    {
        Clock::time_point intended;
        double ms;
    };
    PacedClient(quint16 port, QByteArray request, int intervalUs)
        : m_port(port)
        , m_request(std::move(request))
        , m_interval(intervalUs)
    {
    }
    void start()
    {
        m_stop = false;
        m_thread = std::thread([this] { run(); });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    std::vector<Sample> take()
    {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_samples, {});
    }
    int errors() const { return m_errors.load(); }

private:
    void run()
    {
        int fd = -1;
        Clock::time_point next = Clock::now();
        QByteArray in;
        while (!m_stop) {
            std::this_thread::sleep_until(next);
            const Clock::time_point intended = next;
            next += std::chrono::microseconds(m_interval);
            if (fd < 0 && (fd = connectLoopback(m_port)) < 0) {
                ++m_errors;
                continue;
            }
            if (!sendAll(fd, m_request) || !readOne(fd, in)) {
                ++m_errors;
                ::close(fd);
                fd = -1;
                in.clear();
                continue;
            }
            std::lock_guard lock(m_mutex);
            m_samples.push_back({intended, ms(Clock::now() - intended)});
        }
        if (fd >= 0)
            ::close(fd);
    }
    /** Reads one response with a Content-Length body; leftovers stay in @p in. */
    static bool readOne(int fd, QByteArray &in)
    {
        char buf[16384];
        for (;;) {
            const qsizetype head = in.indexOf("\r\n\r\n");
            if (head >= 0) {
                static const QRegularExpression cl(
                    QStringLiteral("(?i)\r\ncontent-length: *(\\d+)"));
                const auto m = cl.match(QString::fromLatin1(in.left(head + 2)));
                if (!m.hasMatch() || !in.startsWith("HTTP/1.1 2"))
                    return false;
                const qsizetype total = head + 4 + m.captured(1).toLongLong();
                if (in.size() >= total) {
                    in.remove(0, total);
                    return true;
                }
            }
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0)
                return false;
            in.append(buf, n);
        }
    }

    quint16 m_port;
    QByteArray m_request;
    int m_interval;
    std::atomic<bool> m_stop {false};
    std::atomic<int> m_errors {0};
    std::thread m_thread;
    std::mutex m_mutex;
    std::vector<Sample> m_samples;
};

struct DocFigures
{
    QString name;
    size_t operations = 0;
    double loadMs = 0, loadMedianMs = 0, rssMb = 0, peakMb = 0, renderMs = 0;
    qint64 pageBytes = 0;
    int mockSampled = 0, mockOk = 0;
    double mockP50 = 0, mockP99 = 0;
};

struct LoadFigures
{
    int count = 0;
    int errors = 0;
    double p50 = 0, p99 = 0, max = 0;
};

LoadFigures summarise(const std::vector<PacedClient::Sample> &samples, int errors,
                      const std::vector<std::pair<Clock::time_point, Clock::time_point>> &windows
                      = {})
{
    std::vector<double> v;
    for (const PacedClient::Sample &s : samples) {
        bool inside = windows.empty();
        for (const auto &w : windows)
            inside = inside || (s.intended >= w.first && s.intended <= w.second);
        if (inside)
            v.push_back(s.ms);
    }
    LoadFigures f;
    f.count = int(v.size());
    f.errors = errors;
    f.p50 = percentile(v, 50);
    f.p99 = percentile(v, 99);
    f.max = v.empty() ? 0 : *std::max_element(v.begin(), v.end());
    return f;
}

QString loadLine(const char *what, const LoadFigures &f)
{
    return QStringLiteral("  %1 %2 requests, p50 %3 ms, p99 %4 ms, max %5 ms%6\n")
        .arg(QString::fromLatin1(what), -44)
        .arg(f.count, 6)
        .arg(f.p50, 6, 'f', 2)
        .arg(f.p99, 7, 'f', 2)
        .arg(f.max, 7, 'f', 1)
        .arg(f.errors ? QStringLiteral(", %1 errors").arg(f.errors) : QString());
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 4 && std::string_view(argv[1]) == "--load-child") {
        QCoreApplication app(argc, argv);
        return loadChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    }
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    int runs = 3;
    int seconds = 10;
    int rate = 400; // API requests per second, over two connections
    int viewers = 4;
    int viewGapMs = 250; // each viewer's pause between two views of cached pages
    QString only;
    for (int i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1StringView("--runs"))
            runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1StringView("--seconds"))
            seconds = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1StringView("--rate"))
            rate = std::max(2, args[i + 1].toInt());
        else if (args[i] == QLatin1StringView("--viewers"))
            viewers = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1StringView("--view-gap"))
            viewGapMs = std::max(0, args[i + 1].toInt());
        else if (args[i] == QLatin1StringView("--only"))
            only = args[i + 1];
    }
    QTextStream out(stdout);
    if (!QFileInfo::exists(kCorpus)) {
        out << "not run: " << kCorpus << " is absent\n";
        return 0;
    }
    double load1[3];
    if (getloadavg(load1, 3) == 3)
        out << QStringLiteral("machine: %1 CPUs, load average %2 %3 %4 at the start\n")
                   .arg(QThread::idealThreadCount())
                   .arg(load1[0], 0, 'f', 2)
                   .arg(load1[1], 0, 'f', 2)
                   .arg(load1[2], 0, 'f', 2);

    // 1. Load and render, each document in fresh processes.
    std::vector<DocFigures> figures;
    for (const CorpusDoc &d : kDocs) {
        if (!only.isEmpty() && only != QLatin1StringView(d.name))
            continue;
        DocFigures f;
        f.name = QString::fromLatin1(d.name);
        std::vector<double> loads, renders;
        for (int r = 0; r < runs; ++r) {
            const QList<QByteArray> v
                = runChild({QStringLiteral("--load-child"),
                            kCorpus + u'/' + QString::fromLatin1(d.file), kCorpus})
                      .split(' ');
            if (v.size() < 6) {
                out << d.name << ": the load failed\n";
                return 2;
            }
            loads.push_back(v[0].toDouble() / 1e6);
            f.rssMb = std::max(f.rssMb, v[1].toDouble() / 1024);
            f.peakMb = std::max(f.peakMb, v[2].toDouble() / 1024);
            renders.push_back(v[3].toDouble() / 1e6);
            f.pageBytes = v[4].toLongLong();
            f.operations = v[5].toULongLong();
        }
        f.loadMs = minOf(loads);
        f.loadMedianMs = percentile(loads, 50);
        f.renderMs = minOf(renders);
        figures.push_back(f);
    }

    // 2. One gateway: every document mocked (keyless routes) and published in its portal.
    const quint16 preview = freeLoopbackPort();
    OidcTestProvider idp;
    QString why;
    const bool portal = OidcTestProvider::available() && idp.start(preview, &why);
    if (!portal)
        out << "portal figures not measured: "
            << (why.isEmpty() ? QStringLiteral("npm oidc-provider is not installed in tests/node "
                                               "(./build.sh bench installs it)")
                              : why)
            << '\n';
    GatewayProcess gw;
    QList<CorpusApi> apis;
    QByteArray routes;
    for (const CorpusDoc &d : kDocs) {
        apis << CorpusApi {QString::fromLatin1(d.name), QString::fromLatin1(d.file), {}, {}};
        routes += QByteArray("---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\n"
                             "metadata: {name: mock-")
            + d.name + ", namespace: apps}\nspec:\n  routes:\n  - match: Host(`mock-" + d.name
            + ".test`)\n    services: [{name: " + d.name + ", port: 80}]\n";
    }
    writeCorpusPortal(gw, portal ? idp.issuer() : QStringLiteral("http://127.0.0.1:9/"), preview,
                      apis);
    gw.write(QStringLiteral("apis/mock-routes.yaml"), routes);
    QElapsedTimer startup;
    startup.start();
    if (!gw.start()) {
        out << "airgatectl serve did not start: " << gw.error() << '\n';
        return 2;
    }
    const double startMs = double(startup.elapsed());
    const quint16 port = gw.port();

    // Mock latency: up to 25 operations of each document, 5 requests each.
    for (DocFigures &f : figures) {
        const char *file = nullptr;
        for (const CorpusDoc &d : kDocs)
            if (f.name == QLatin1StringView(d.name))
                file = d.file;
        auto doc = OpenApi::Document::load(kCorpus + u'/' + QString::fromLatin1(file),
                                           {kCorpus, nullptr});
        if (!doc)
            continue;
        const auto &ops = (*doc)->operations();
        const QByteArray host = "mock-" + f.name.toUtf8() + ".test";
        std::vector<double> lat;
        const size_t step = std::max<size_t>(1, ops.size() / 25);
        for (size_t i = 0; i < ops.size(); i += step) {
            const QByteArray raw = sampleRequest(**doc, ops[i], host);
            ++f.mockSampled;
            bool ok = true;
            for (int r = 0; r < 6; ++r) {
                const Fetched x = fetch(port, raw);
                ok = ok && x.status >= 200 && x.status < 300;
                if (r > 0) // the first one warms the connection path
                    lat.push_back(x.ms);
            }
            f.mockOk += ok;
        }
        f.mockP50 = percentile(lat, 50);
        f.mockP99 = percentile(lat, 99);
    }

    // The per-document table.
    out << QStringLiteral("\n%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
               .arg(QStringLiteral("document"), -18)
               .arg(QStringLiteral("ops"), 4)
               .arg(QStringLiteral("load ms (med)"), 15)
               .arg(QStringLiteral("RSS MB"), 7)
               .arg(QStringLiteral("peak MB"), 8)
               .arg(QStringLiteral("page KB"), 8)
               .arg(QStringLiteral("render ms"), 10)
               .arg(QStringLiteral("mock ok"), 8)
               .arg(QStringLiteral("mock p50/p99 ms"), 16);
    for (const DocFigures &f : figures)
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                   .arg(f.name, -18)
                   .arg(f.operations, 4)
                   .arg(QStringLiteral("%1 (%2)")
                            .arg(f.loadMs, 0, 'f', 1)
                            .arg(f.loadMedianMs, 0, 'f', 1),
                        15)
                   .arg(f.rssMb, 7, 'f', 1)
                   .arg(f.peakMb, 8, 'f', 1)
                   .arg(double(f.pageBytes) / 1024, 8, 'f', 0)
                   .arg(f.renderMs, 10, 'f', 1)
                   .arg(QStringLiteral("%1/%2").arg(f.mockOk).arg(f.mockSampled), 8)
                   .arg(QStringLiteral("%1/%2").arg(f.mockP50, 0, 'f', 2).arg(f.mockP99, 0, 'f', 2),
                        16);
    out << QStringLiteral("(load and render: one fresh process per run, min of %1 runs (median); "
                          "RSS after the load and peak of that process, Qt included; mock: "
                          "sampled operations through the gateway, each request on its own "
                          "connection)\n")
               .arg(runs);
    out << QStringLiteral("gateway with all ten documents mocked and published: ready in %1 ms, "
                          "RSS %2 MB\n")
               .arg(startMs, 0, 'f', 0)
               .arg(double(procStatusKb("VmRSS", gw.pid())) / 1024, 0, 'f', 1);
    out.flush();
    if (!portal)
        return 0;

    // 3. API latency while the portal serves and renders the big pages.
    const QByteArray alice = portalSignIn(preview, QStringLiteral("alice"), &why);
    if (alice.isEmpty()) {
        out << "portal sign-in failed: " << why << '\n';
        return 2;
    }
    auto view = [&](const char *api) {
        return fetch(preview,
                     QByteArray("GET /apis/") + api + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: "
                         + alice + "\r\nConnection: close\r\n\r\n");
    };
    const Fetched firstStripe = view("stripe");
    const Fetched firstGithub = view("github");
    std::vector<double> cachedStripe, cachedGithub;
    for (int i = 0; i < 10; ++i) {
        cachedStripe.push_back(view("stripe").ms);
        cachedGithub.push_back(view("github").ms);
    }
    out << QStringLiteral("\nportal pages (first view renders; then from the cache, one client, "
                          "10 views):\n");
    out << QStringLiteral("  stripe: %1 KB, first view %2 ms, cached p50 %3 ms, max %4 ms\n")
               .arg(double(firstStripe.bytes) / 1024, 0, 'f', 0)
               .arg(firstStripe.ms, 0, 'f', 0)
               .arg(percentile(cachedStripe, 50), 0, 'f', 1)
               .arg(percentile(cachedStripe, 100), 0, 'f', 1);
    out << QStringLiteral("  github: %1 KB, first view %2 ms, cached p50 %3 ms, max %4 ms\n")
               .arg(double(firstGithub.bytes) / 1024, 0, 'f', 0)
               .arg(firstGithub.ms, 0, 'f', 0)
               .arg(percentile(cachedGithub, 50), 0, 'f', 1)
               .arg(percentile(cachedGithub, 100), 0, 'f', 1);

    const QByteArray apiRequest = "GET /pets HTTP/1.1\r\nHost: mock-petstore.test\r\n\r\n";
    const int intervalUs = 2 * 1000000 / rate;
    std::vector<std::unique_ptr<PacedClient>> clients;
    for (int i = 0; i < 2; ++i)
        clients.push_back(std::make_unique<PacedClient>(port, apiRequest, intervalUs));
    auto startLoad = [&] {
        for (auto &c : clients)
            c->start();
    };
    auto stopLoad = [&](int *errors) {
        std::vector<PacedClient::Sample> all;
        *errors = 0;
        for (auto &c : clients) {
            c->stop();
            auto s = c->take();
            all.insert(all.end(), s.begin(), s.end());
            *errors += c->errors();
        }
        return all;
    };
    out << QStringLiteral("\nAPI requests (GET /pets on a mock, %1 req/s on 2 keep-alive "
                          "connections, %2 s per phase; latency from the intended send time):\n")
               .arg(rate)
               .arg(seconds);
    int errors = 0;
    // Alone.
    startLoad();
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    out << loadLine("alone", summarise(stopLoad(&errors), errors));
    out.flush();

    // While cached pages are viewed by concurrent clients.
    std::atomic<bool> viewing {true};
    std::atomic<int> views {0};
    std::mutex viewMutex;
    std::vector<double> viewMs;
    startLoad();
    {
        std::vector<std::thread> viewerThreads;
        for (int v = 0; v < viewers; ++v)
            viewerThreads.emplace_back([&, v] {
                while (viewing) {
                    const Fetched f = view(v % 2 ? "github" : "stripe");
                    ++views;
                    {
                        std::lock_guard lock(viewMutex);
                        viewMs.push_back(f.ms);
                    }
                    std::this_thread::sleep_for(std::chrono::milliseconds(viewGapMs));
                }
            });
        std::this_thread::sleep_for(std::chrono::seconds(seconds));
        viewing = false;
        for (std::thread &t : viewerThreads)
            t.join();
    }
    out << loadLine(
        qPrintable(QStringLiteral("%1 viewers of cached Stripe/GitHub pages").arg(viewers)),
        summarise(stopLoad(&errors), errors));
    out << QStringLiteral("    (%1 page views, each viewer waiting %2 ms between two; a view "
                          "p50 %3 ms)\n")
               .arg(views.load())
               .arg(viewGapMs)
               .arg(percentile(viewMs, 50), 0, 'f', 0);
    out.flush();

    // While the pages render: each round changes the workspace (a reload: a new configuration,
    // so no page is cached), then the viewers ask for Stripe and GitHub together.
    std::vector<std::pair<Clock::time_point, Clock::time_point>> windows;
    std::vector<double> renderViews;
    const QByteArray corpusManifests
        = fileBytes(gw.workspace() + QStringLiteral("/apis/corpus.yaml"));
    int rounds = 0;
    std::vector<double> rssByRound; // MB after each round: growth per generation shows here
    startLoad();
    const auto phaseEnd = Clock::now() + std::chrono::seconds(seconds);
    while (Clock::now() < phaseEnd) {
        const quint64 generation = gw.status().value(QStringLiteral("generation")).toInteger();
        gw.write(QStringLiteral("apis/corpus.yaml"),
                 corpusManifests + "# round " + QByteArray::number(++rounds) + "\n");
        if (!gw.waitForGeneration(generation, 30000)) {
            out << "the gateway did not reload\n";
            break;
        }
        const auto from = Clock::now();
        std::vector<std::thread> viewerThreads;
        std::vector<double> roundMs(size_t(viewers), 0);
        for (int v = 0; v < viewers; ++v)
            viewerThreads.emplace_back(
                [&, v] { roundMs[size_t(v)] = view(v % 2 ? "github" : "stripe").ms; });
        for (std::thread &t : viewerThreads)
            t.join();
        windows.emplace_back(from, Clock::now());
        renderViews.insert(renderViews.end(), roundMs.begin(), roundMs.end());
        rssByRound.push_back(double(procStatusKb("VmRSS", gw.pid())) / 1024);
    }
    const std::vector<PacedClient::Sample> rendering = stopLoad(&errors);
    out << loadLine(
        qPrintable(QStringLiteral("while %1 viewers wait for fresh renders").arg(viewers)),
        summarise(rendering, errors, windows));
    out << loadLine("the same phase, reloads included", summarise(rendering, errors));
    out << QStringLiteral("    (%1 rounds of reload + %2 views; a view of a fresh page p50 %3 "
                          "ms, max %4 ms)\n")
               .arg(rounds)
               .arg(viewers)
               .arg(percentile(renderViews, 50), 0, 'f', 0)
               .arg(percentile(renderViews, 100), 0, 'f', 0);
    if (!rssByRound.empty()) {
        // Each round is a new generation with fresh pages: a leak per generation grows this
        // line by the generation's size every round; a bounded gateway levels off.
        QStringList each;
        for (const double mb : rssByRound)
            each << QString::number(mb, 'f', 0);
        const size_t half = rssByRound.size() / 2;
        out << QStringLiteral("gateway RSS after each reload round (MB): %1\n"
                              "    growth over the last %2 rounds: %3 MB (%4 MB per round)\n")
                   .arg(each.join(u' '))
                   .arg(rssByRound.size() - half)
                   .arg(rssByRound.back() - rssByRound[half], 0, 'f', 1)
                   .arg((rssByRound.back() - rssByRound[half])
                            / double(std::max<size_t>(1, rssByRound.size() - 1 - half)),
                        0, 'f', 2);
    }
    out << QStringLiteral("gateway RSS at the end %1 MB, peak %2 MB\n")
               .arg(double(procStatusKb("VmRSS", gw.pid())) / 1024, 0, 'f', 1)
               .arg(double(procStatusKb("VmHWM", gw.pid())) / 1024, 0, 'f', 1);
    if (getloadavg(load1, 3) == 3)
        out << QStringLiteral("machine load average %1 %2 %3 at the end\n")
                   .arg(load1[0], 0, 'f', 2)
                   .arg(load1[1], 0, 'f', 2)
                   .arg(load1[2], 0, 'f', 2);
    gw.stop();
    return 0;
}
