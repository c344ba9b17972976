// SPDX-License-Identifier: Apache-2.0
#include "gatewaytest.h"

#include "http/messageparser.h"
#include "keys/apikey.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <csignal>

namespace AirgateTest {

using Airgate::Http::MessageParser;

// ------------------------------------------------------------------ upstream

class UpstreamConnection : public QObject
{
public:
    UpstreamConnection(QTcpSocket *s, TestUpstream *owner)
        : m_socket(s)
        , m_owner(owner)
        , m_parser(MessageParser::Mode::Request)
    {
        s->setParent(this);
        connect(s, &QTcpSocket::readyRead, this, &UpstreamConnection::onRead);
        connect(s, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    }

private:
    void onRead()
    {
        const QByteArray bytes = m_socket->readAll();
        {
            QMutexLocker lock(&m_owner->m_targetsMutex);
            m_owner->m_received += bytes;
        }
        m_in += bytes;
        while (!m_busy) {
            const auto st = m_parser.feed(m_in);
            if (st != MessageParser::Status::Complete)
                return;
            handle(m_parser.takeRequest());
        }
    }

    void handle(const Airgate::Http::Request &r)
    {
        m_owner->m_requests++;
        {
            QMutexLocker lock(&m_owner->m_targetsMutex);
            m_owner->m_targets << r.target;
        }
        if (r.path == "/close") {
            m_socket->abort();
            return;
        }
        QJsonObject headers;
        for (const auto &f : r.headers.fields())
            headers.insert(QString::fromLatin1(f.first).toLower(), QString::fromUtf8(f.second));
        const QJsonObject echo {{QStringLiteral("method"), QString::fromLatin1(r.method)},
                                {QStringLiteral("path"), QString::fromUtf8(r.path)},
                                {QStringLiteral("query"), QString::fromUtf8(r.query)},
                                {QStringLiteral("headers"), headers},
                                {QStringLiteral("body"), QString::fromUtf8(r.body)}};
        const QByteArray body = r.path.contains("/echo") || r.path.startsWith("/slow")
            ? QJsonDocument(echo).toJson(QJsonDocument::Compact)
            : QByteArray("ok");
        const QByteArray response
            = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nKeep-Alive: "
              "timeout=5\r\nX-Upstream: test\r\n"
              "Content-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        if (r.path.startsWith("/slow")) {
            const int ms = QUrlQuery(QString::fromUtf8(r.query))
                               .queryItemValue(QStringLiteral("ms"))
                               .toInt();
            m_busy = true;
            QPointer<QTcpSocket> s = m_socket;
            QTimer::singleShot(ms, this, [this, s, response] {
                m_busy = false;
                if (s && s->state() == QAbstractSocket::ConnectedState)
                    s->write(response);
                onRead();
            });
            return;
        }
        m_socket->write(response);
    }

    QTcpSocket *m_socket;
    TestUpstream *m_owner;
    MessageParser m_parser;
    QByteArray m_in;
    bool m_busy = false;
};

TestUpstream::TestUpstream()
{
    m_thread.start();
    QObject *ctx = new QObject;
    ctx->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        ctx,
        [this, ctx] {
            m_server = new QTcpServer(ctx);
            m_server->listen(QHostAddress::LocalHost, 0);
            m_port = m_server->serverPort();
            QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
                while (QTcpSocket *s = m_server->nextPendingConnection()) {
                    m_connections++;
                    new UpstreamConnection(s, this);
                }
            });
            QObject::connect(&m_thread, &QThread::finished, ctx, &QObject::deleteLater);
        },
        Qt::BlockingQueuedConnection);
}

TestUpstream::~TestUpstream()
{
    m_thread.quit();
    m_thread.wait();
}

// ------------------------------------------------------------------ client

QJsonObject Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QList<Reply> exchange(quint16 port, const QByteArray &raw, int count, int timeoutMs,
                      const QHostAddress &from)
{
    QList<Reply> out;
    QTcpSocket s;
    if (!from.isNull() && !s.bind(from, 0))
        return out;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(timeoutMs))
        return out;
    s.write(raw);
    s.flush();
    MessageParser parser(MessageParser::Mode::Response, {64 * 1024, 64 * 1024 * 1024, 200});
    QByteArray in;
    QElapsedTimer t;
    t.start();
    const bool head = raw.startsWith("HEAD ");
    if (head)
        parser.setRequestMethod("HEAD");
    while (out.size() < count && t.elapsed() < timeoutMs) {
        if (!in.isEmpty() || s.waitForReadyRead(100))
            in += s.readAll();
        const auto st = parser.feed(in);
        if (st == MessageParser::Status::Complete) {
            Reply r;
            r.status = parser.responseStatus();
            r.headers = parser.responseHeaders();
            r.body = parser.takeBody();
            out << r;
            parser.reset();
            if (head)
                parser.setRequestMethod("HEAD");
            continue;
        }
        if (s.state() != QAbstractSocket::ConnectedState && s.bytesAvailable() == 0 && in.isEmpty())
            break;
    }
    if (!out.isEmpty()) {
        // Did the server close after the last reply?
        if (s.state() == QAbstractSocket::ConnectedState)
            s.waitForDisconnected(300);
        out.last().closed = s.state() != QAbstractSocket::ConnectedState;
    }
    return out;
}

Reply request(quint16 port, const QByteArray &method, const QByteArray &path,
              const QMap<QByteArray, QByteArray> &headers, const QByteArray &body)
{
    QByteArray raw = method + ' ' + path + " HTTP/1.1\r\n";
    if (!headers.contains("Host"))
        raw += "Host: localhost\r\n";
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        raw += it.key() + ": " + it.value() + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    raw += "Connection: close\r\n\r\n" + body;
    const QList<Reply> r = exchange(port, raw);
    return r.isEmpty() ? Reply {} : r.first();
}

Reply get(quint16 port, const QByteArray &host, const QByteArray &path, const QByteArray &key)
{
    QMap<QByteArray, QByteArray> h {{"Host", host}};
    if (!key.isEmpty())
        h.insert("Authorization", "Bearer " + key);
    return request(port, "GET", path, h);
}

// ------------------------------------------------------------------ gateway process

GatewayProcess::GatewayProcess(const QString &stateDir)
    : m_state(stateDir.isEmpty() ? m_stateTmp.path() : stateDir)
{
}

GatewayProcess::~GatewayProcess()
{
    if (running())
        kill();
}

void GatewayProcess::write(const QString &relPath, const QByteArray &text)
{
    const QString path = m_ws.filePath(relPath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    // Atomic like an editor's save, so the gateway never reads half a file.
    const QString tmp = path + QStringLiteral(".tmp~");
    QFile f(tmp);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(text);
        f.close();
        QFile::remove(path);
        QFile::rename(tmp, path);
    }
}

void GatewayProcess::remove(const QString &relPath)
{
    QFile::remove(m_ws.filePath(relPath));
}

void GatewayProcess::copyFrom(const QString &folder)
{
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString abs = it.next();
        const QString rel = QDir(folder).relativeFilePath(abs);
        QFile f(abs);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QByteArray text = f.readAll();
        if (rel == QLatin1StringView("airgate.yaml"))
            text = QString::fromUtf8(text)
                       .replace(QRegularExpression(QStringLiteral("127\\.0\\.0\\.1:\\d+")),
                                QStringLiteral("127.0.0.1:0"))
                       .toUtf8();
        write(rel, text);
    }
}

bool GatewayProcess::start(const QStringList &extraArgs, int threads)
{
    m_proc.setProgram(QStringLiteral(AIRGATECTL_PATH));
    QStringList args {QStringLiteral("serve"),
                      QStringLiteral("--path"),
                      m_ws.path(),
                      QStringLiteral("--state"),
                      m_state,
                      QStringLiteral("--admin"),
                      QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--threads"),
                      QString::number(threads)};
    if (!extraArgs.contains(QStringLiteral("--listen")))
        args << QStringLiteral("--listen") << QStringLiteral("web=127.0.0.1:0");
    m_proc.setArguments(args + extraArgs);
    m_proc.start();
    if (!m_proc.waitForStarted(5000)) {
        m_error = QStringLiteral("airgatectl did not start");
        return false;
    }
    QElapsedTimer t;
    t.start();
    QByteArray line;
    while (t.elapsed() < 15000) {
        if (m_proc.canReadLine()) {
            line = m_proc.readLine();
            break;
        }
        if (m_proc.state() != QProcess::Running) {
            m_error = QStringLiteral("exited: ") + QString::fromUtf8(m_proc.readAllStandardError());
            return false;
        }
        m_proc.waitForReadyRead(100);
    }
    m_ready = QJsonDocument::fromJson(line).object();
    if (m_ready.value(QStringLiteral("event")).toString() != QLatin1StringView("ready")) {
        m_error = QStringLiteral("no ready line: ")
            + QString::fromUtf8(line + m_proc.readAllStandardError());
        return false;
    }
    m_adminPort = static_cast<quint16>(
        m_ready.value(QStringLiteral("admin")).toString().section(u':', -1).toUInt());
    QFile tokenFile(m_ready.value(QStringLiteral("adminTokenFile")).toString());
    if (tokenFile.open(QIODevice::ReadOnly))
        m_token = tokenFile.readAll().trimmed();
    return true;
}

quint16 GatewayProcess::port(const QString &entryPoint) const
{
    const QJsonObject eps = m_ready.value(QStringLiteral("entryPoints")).toObject();
    QString addr = eps.value(entryPoint).toString();
    if (addr.isEmpty())
        addr = m_ready.value(QStringLiteral("portals")).toObject().value(entryPoint).toString();
    return static_cast<quint16>(addr.section(u':', -1).toUInt());
}

int GatewayProcess::stop(int timeoutMs)
{
    if (!running())
        return m_proc.exitCode();
    ::kill(static_cast<pid_t>(m_proc.processId()), SIGTERM);
    if (!m_proc.waitForFinished(timeoutMs)) {
        m_proc.kill();
        m_proc.waitForFinished(2000);
        return -1;
    }
    m_stderr += m_proc.readAllStandardError();
    return m_proc.exitStatus() == QProcess::NormalExit ? m_proc.exitCode() : -1;
}

void GatewayProcess::kill()
{
    m_proc.kill();
    m_proc.waitForFinished(5000);
}

bool GatewayProcess::running() const
{
    return m_proc.state() == QProcess::Running;
}

QByteArray GatewayProcess::stderrText()
{
    m_stderr += m_proc.readAllStandardError();
    return m_stderr;
}

Reply GatewayProcess::admin(const QByteArray &method, const QByteArray &path)
{
    return request(m_adminPort, method, path,
                   {{"Authorization", "Bearer " + m_token}, {"Host", "127.0.0.1"}});
}

QJsonObject GatewayProcess::status()
{
    return admin("GET", "/api/status").json();
}

bool GatewayProcess::waitForGeneration(quint64 than, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (static_cast<quint64>(status().value(QStringLiteral("generation")).toDouble()) > than)
            return true;
        QThread::msleep(50);
    }
    return false;
}

QByteArray keySecret(const QByteArray &key)
{
    return Airgate::Keys::secretDataValue(key);
}

QByteArray baseWorkspace(const QByteArray &plan)
{
    return "apiVersion: hub.traefik.io/v1alpha1\nkind: APIAuth\nmetadata: {name: default-auth, "
           "namespace: apps}\n"
           "spec: {isDefault: true, apiKey: {}}\n"
           "---\napiVersion: hub.traefik.io/v1alpha1\nkind: API\nmetadata: {name: orders, "
           "namespace: apps}\n"
           "spec:\n  openApiSpec:\n    path: /openapi.json\n    operationSets:\n"
           "    - name: read\n      matchers: [{methods: [GET]}]\n"
           "    - name: echo-only\n      matchers: [{pathPrefix: /echo}]\n"
           "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: orders\n  "
           "namespace: apps\n"
           "  annotations: {hub.traefik.io/api: orders@apps}\n"
           "spec:\n  routes:\n  - match: Host(`orders.test`)\n    services: [{name: backend, port: "
           "80}]\n"
           "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: public, "
           "namespace: apps}\n"
           "spec:\n  routes:\n  - match: Host(`public.test`)\n    services: [{name: backend, port: "
           "80}]\n"
           "---\napiVersion: hub.traefik.io/v1alpha1\nkind: APIPlan\nmetadata: {name: std, "
           "namespace: apps}\n"
           "spec:\n  "
        + plan
        + "\n---\napiVersion: hub.traefik.io/v1alpha1\nkind: ManagedApplication\nmetadata: {name: "
          "app-a, namespace: apps}\n"
          "spec: {appId: app-a, owner: alice, apiKeys: [{secretName: key-a, title: A}]}\n"
          "---\napiVersion: v1\nkind: Secret\nmetadata: {name: key-a, namespace: apps}\ndata: "
          "{key: "
        + keySecret("key-a")
        + "}\n---\napiVersion: hub.traefik.io/v1alpha1\nkind: ManagedApplication\nmetadata: {name: "
          "app-b, namespace: apps}\n"
          "spec: {appId: app-b, owner: bob, apiKeys: [{secretName: key-b, title: B}]}\n"
          "---\napiVersion: v1\nkind: Secret\nmetadata: {name: key-b, namespace: apps}\ndata: "
          "{key: "
        + keySecret("key-b")
        + "}\n---\napiVersion: hub.traefik.io/v1alpha1\nkind: ManagedSubscription\nmetadata: "
          "{name: sub-a, namespace: apps}\n"
          "spec: {managedApplications: [{name: app-a}], apis: [{name: orders}], apiPlan: {name: "
          "std}}\n";
}

QByteArray settingsFor(quint16 upstreamPort, const QByteArray &extra)
{
    return "entryPoints:\n  web: 127.0.0.1:0\nservices:\n  apps/backend:80: http://127.0.0.1:"
        + QByteArray::number(upstreamPort) + "\n" + extra;
}

QJsonObject mintJwt(const QJsonObject &request, QString *why)
{
    const QString tools = QStringLiteral(AIRGATE_NODE_TOOLS);
    if (!QFile::exists(tools + QStringLiteral("/node_modules/jose/package.json"))) {
        if (why)
            *why = QStringLiteral(
                "npm jose is not installed in tests/node (./build.sh test installs it)");
        return {};
    }
    QProcess node;
    node.setWorkingDirectory(tools);
    node.start(QStringLiteral("node"), {tools + QStringLiteral("/mint-jwt.mjs")});
    node.waitForStarted();
    node.write(QJsonDocument(request).toJson(QJsonDocument::Compact));
    node.closeWriteChannel();
    node.waitForFinished(30000);
    const QJsonObject out = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
    if (out.isEmpty() && why)
        *why = QString::fromUtf8(node.readAllStandardError());
    return out;
}

} // namespace AirgateTest
