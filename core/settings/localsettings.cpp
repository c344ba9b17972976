// SPDX-License-Identifier: Apache-2.0
#include "localsettings.h"

#include "io/atomicfile.h"
#include "model/specs.h"
#include "schema/formats.h"
#include "yaml/yamlparser.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace Airgate {

namespace {

const QString kRule = QStringLiteral("settings");

class Reader
{
public:
    Reader(const QString &file, const QString &root, Diagnostics &out)
        : m_file(file)
        , m_root(root)
        , m_out(out)
    {
    }

    void error(const Yaml::Mark &m, const QString &message, const QString &hint = {})
    {
        Diagnostic d;
        d.rule = kRule;
        d.message = message;
        d.hint = hint;
        d.file = m_file;
        d.line = m.line;
        d.column = m.column;
        m_out << d;
    }

    /** A file inside the workspace: absolute paths and paths that leave it (`..`, or a link
     * pointing out) are refused, as the OpenAPI reader refuses such `$ref`s; @return its
     * absolute path, or empty when refused. */
    QString path(const Yaml::Node &node, const QString &what)
    {
        const QString rel = scalarText(&node);
        if (rel.isEmpty()) {
            error(node.mark, QStringLiteral("%1: a file path is required").arg(what));
            return {};
        }
        const QString hint = QStringLiteral("paths are relative to the workspace folder and stay "
                                            "inside it");
        if (QDir::isAbsolutePath(rel) || rel.startsWith(u'~')) {
            error(node.mark,
                  QStringLiteral("%1: %2 is an absolute path; only files inside the workspace "
                                 "are read")
                      .arg(what, rel),
                  hint);
            return {};
        }
        const QString abs = QDir::cleanPath(QDir(m_root).filePath(rel));
        const QString root = QDir::cleanPath(QDir(m_root).absolutePath());
        const QFileInfo info(abs);
        const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
        const bool inside = (abs.startsWith(root + u'/'))
            && (!info.exists() || canonicalRoot.isEmpty()
                || info.canonicalFilePath().startsWith(canonicalRoot + u'/'));
        if (!inside) {
            error(node.mark,
                  QStringLiteral("%1: %2 leaves the workspace; only files inside it are read")
                      .arg(what, rel),
                  hint);
            return {};
        }
        if (!info.exists())
            error(node.mark, QStringLiteral("%1: %2 does not exist").arg(what, rel), hint);
        return abs;
    }

    qint64 duration(const Yaml::Node &node, const QString &what)
    {
        const auto d = Formats::parseKubernetesDuration(node.value);
        if (!node.isScalar() || !d || *d <= 0) {
            error(node.mark,
                  QStringLiteral("%1: \"%2\" is not a duration")
                      .arg(what, QString::fromStdString(node.value)),
                  QStringLiteral("durations look like 500ms, 5s, 1m"));
            return -1;
        }
        return *d / 1'000'000;
    }

    void entryPoints(const Yaml::Node &n, LocalSettings &s)
    {
        if (!n.isMap()) {
            error(n.mark,
                  QStringLiteral("entryPoints must map names to addresses (web: 127.0.0.1:8080)"));
            return;
        }
        for (const auto &e : n.entries) {
            EntryPointSettings ep;
            ep.name = QString::fromStdString(e.key);
            ep.mark = e.keyMark;
            const Yaml::Node *addr = e.value.get();
            if (e.value->isMap()) {
                addr = e.value->get("address");
                for (const auto &f : e.value->entries)
                    if (f.key != "address" && f.key != "cipherSuites")
                        error(f.keyMark,
                              QStringLiteral(
                                  "unknown field \"%1\" in entry point %2 (address, cipherSuites)")
                                  .arg(QString::fromStdString(f.key), ep.name));
                if (const Yaml::Node *cs = e.value->get("cipherSuites")) {
                    if (!cs->isSequence())
                        error(cs->mark,
                              QStringLiteral("cipherSuites must be a list of IANA suite names"));
                    else
                        for (const auto &c : cs->items)
                            ep.cipherSuites << scalarText(c.get());
                }
            }
            if (!addr || !addr->isScalar()) {
                error(e.keyMark,
                      QStringLiteral("entry point %1 needs an address such as 127.0.0.1:8080")
                          .arg(ep.name));
                continue;
            }
            QString why;
            ep.address = ListenAddress::parse(scalarText(addr), &why);
            if (!ep.address.valid) {
                error(addr->mark, QStringLiteral("entry point %1: %2").arg(ep.name, why));
                continue;
            }
            s.entryPoints << ep;
        }
    }

    void services(const Yaml::Node &n, LocalSettings &s)
    {
        if (!n.isMap()) {
            error(n.mark,
                  QStringLiteral("services must map namespace/name:port to a URL or {mock: file}"));
            return;
        }
        for (const auto &e : n.entries) {
            ServiceTarget t;
            t.key = QString::fromStdString(e.key);
            t.mark = e.keyMark;
            const QRegularExpression keyShape(QStringLiteral(
                "^[a-z0-9]([-a-z0-9]*[a-z0-9])?/[a-z0-9]([-a-z0-9.]*[a-z0-9])?:[A-Za-z0-9-]+$"));
            if (!keyShape.match(t.key).hasMatch()) {
                error(e.keyMark,
                      QStringLiteral("service key \"%1\" must be namespace/name:port, as "
                                     "IngressRoutes reference it")
                          .arg(t.key),
                      QStringLiteral("for example apps/weather-app:8080"));
                continue;
            }
            const Yaml::Node *url = e.value->isScalar() ? e.value.get() : e.value->get("url");
            if (e.value->isMap()) {
                for (const auto &f : e.value->entries) {
                    if (f.key == "mock") {
                        t.type = ServiceTarget::Type::Mock;
                        t.mockFile = path(*f.value, QStringLiteral("mock"));
                    } else if (f.key == "connectTimeout") {
                        t.connectTimeoutMs = duration(*f.value, QStringLiteral("connectTimeout"));
                    } else if (f.key == "readTimeout") {
                        t.readTimeoutMs = duration(*f.value, QStringLiteral("readTimeout"));
                    } else if (f.key != "url") {
                        error(f.keyMark,
                              QStringLiteral("unknown field \"%1\" for service %2 (url, mock, "
                                             "connectTimeout, readTimeout)")
                                  .arg(QString::fromStdString(f.key), t.key));
                    }
                }
            }
            if (t.type == ServiceTarget::Type::Url) {
                if (!url) {
                    error(e.keyMark,
                          QStringLiteral(
                              "service %1 needs a URL (http://127.0.0.1:9000) or {mock: file}")
                              .arg(t.key));
                    continue;
                }
                t.url = QUrl(scalarText(url));
                if (!t.url.isValid()
                    || (t.url.scheme() != QLatin1StringView("http")
                        && t.url.scheme() != QLatin1StringView("https"))
                    || t.url.host().isEmpty()) {
                    error(url->mark,
                          QStringLiteral("service %1: \"%2\" is not an http:// or https:// URL")
                              .arg(t.key, scalarText(url)));
                    continue;
                }
            }
            s.services.insert(t.key, t);
        }
    }

    void pathMap(const Yaml::Node &n, QMap<QString, QString> &out, const QString &what)
    {
        if (!n.isMap()) {
            error(n.mark, QStringLiteral("%1 must be a map").arg(what));
            return;
        }
        for (const auto &e : n.entries) {
            const QString p
                = path(*e.value, what + QStringLiteral(" ") + QString::fromStdString(e.key));
            if (!p.isEmpty())
                out.insert(QString::fromStdString(e.key), p);
        }
    }

    void limits(const Yaml::Node &n, GatewayLimits &l)
    {
        if (!n.isMap()) {
            error(n.mark, QStringLiteral("limits must be a map"));
            return;
        }
        for (const auto &e : n.entries) {
            const Yaml::Node &v = *e.value;
            auto number = [&](qint64 &target) {
                const auto i = v.asInt();
                if (!i || *i <= 0)
                    error(v.mark,
                          QStringLiteral("%1 must be a positive integer")
                              .arg(QString::fromStdString(e.key)));
                else
                    target = *i;
            };
            if (e.key == "maxHeaderBytes")
                number(l.maxHeaderBytes);
            else if (e.key == "maxBodyBytes")
                number(l.maxBodyBytes);
            else if (e.key == "maxConnections") {
                qint64 c = l.maxConnections;
                number(c);
                l.maxConnections = static_cast<int>(c);
            } else if (e.key == "headerTimeout")
                l.headerTimeoutMs = duration(v, QStringLiteral("headerTimeout"));
            else if (e.key == "idleTimeout")
                l.idleTimeoutMs = duration(v, QStringLiteral("idleTimeout"));
            else if (e.key == "bodyTimeout")
                l.bodyTimeoutMs = duration(v, QStringLiteral("bodyTimeout"));
            else
                error(e.keyMark,
                      QStringLiteral("unknown limit \"%1\" (maxHeaderBytes, maxBodyBytes, "
                                     "maxConnections, headerTimeout, idleTimeout, bodyTimeout)")
                          .arg(QString::fromStdString(e.key)));
        }
    }

private:
    QString m_file;
    QString m_root;
    Diagnostics &m_out;
};

} // namespace

QString ListenAddress::toString() const
{
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(port);
}

ListenAddress ListenAddress::parse(const QString &text, QString *error)
{
    ListenAddress a;
    const QString t = text.trimmed();
    QString host;
    QString port;
    if (t.startsWith(u'[')) {
        const qsizetype close = t.indexOf(u']');
        if (close < 0 || close + 1 >= t.size() || t[close + 1] != u':') {
            if (error)
                *error = QStringLiteral("\"%1\" is not [ipv6]:port").arg(t);
            return a;
        }
        host = t.mid(1, close - 1);
        port = t.mid(close + 2);
    } else {
        const qsizetype colon = t.lastIndexOf(u':');
        if (colon < 0) {
            if (error)
                *error
                    = QStringLiteral("\"%1\" has no port (host:port, e.g. 127.0.0.1:8080)").arg(t);
            return a;
        }
        host = t.left(colon);
        port = t.mid(colon + 1);
    }
    bool ok = false;
    const int p = port.toInt(&ok);
    if (!ok || p < 0 || p > 65535) {
        if (error)
            *error = QStringLiteral("\"%1\" is not a port number (0–65535)").arg(port);
        return a;
    }
    a.host = host.isEmpty() ? QStringLiteral("0.0.0.0") : host;
    a.port = p;
    a.valid = true;
    return a;
}

const EntryPointSettings *LocalSettings::entryPoint(const QString &name) const
{
    for (const EntryPointSettings &e : entryPoints)
        if (e.name == name)
            return &e;
    return nullptr;
}

LocalSettings LocalSettings::parse(const QByteArray &text, const QString &workspaceRoot,
                                   Diagnostics &out, const QString &fileName)
{
    LocalSettings s;
    s.present = true;
    std::vector<Yaml::Problem> problems;
    const Yaml::NodePtr root = Yaml::parseSingleDocument(
        std::string_view(text.constData(), static_cast<size_t>(text.size())), problems);
    Reader r(fileName, workspaceRoot, out);
    for (const Yaml::Problem &p : problems) {
        Diagnostic d;
        d.rule = kRule;
        d.severity = p.severity == Yaml::Problem::Severity::Error ? Diagnostic::Severity::Error
                                                                  : Diagnostic::Severity::Warning;
        d.message = QString::fromStdString(p.message);
        d.file = fileName;
        d.line = p.mark.line;
        d.column = p.mark.column;
        out << d;
    }
    if (!root || root->isNull())
        return s;
    if (!root->isMap()) {
        r.error(root->mark,
                QStringLiteral("airgate.yaml must be a mapping (entryPoints, services, specs, "
                               "jwks, portalPreview, limits)"));
        return s;
    }
    for (const auto &e : root->entries) {
        const Yaml::Node &v = *e.value;
        if (e.key == "entryPoints")
            r.entryPoints(v, s);
        else if (e.key == "services")
            r.services(v, s);
        else if (e.key == "specs")
            r.pathMap(v, s.specs, QStringLiteral("spec"));
        else if (e.key == "jwks")
            r.pathMap(v, s.jwks, QStringLiteral("jwks"));
        else if (e.key == "limits")
            r.limits(v, s.limits);
        else if (e.key == "portalPreview") {
            if (!v.isMap()) {
                r.error(v.mark,
                        QStringLiteral("portalPreview must map namespace/portal to an address"));
                continue;
            }
            for (const auto &p : v.entries) {
                QString why;
                const ListenAddress a = ListenAddress::parse(scalarText(p.value.get()), &why);
                if (!a.valid)
                    r.error(p.value->mark,
                            QStringLiteral("portalPreview %1: %2")
                                .arg(QString::fromStdString(p.key), why));
                else
                    s.portalPreview.insert(QString::fromStdString(p.key), a);
            }
        } else {
            r.error(e.keyMark,
                    QStringLiteral("unknown setting \"%1\"").arg(QString::fromStdString(e.key)),
                    QStringLiteral("airgate.yaml holds entryPoints, services, specs, jwks, "
                                   "portalPreview and limits"));
        }
    }
    return s;
}

LocalSettings LocalSettings::load(const QString &workspaceRoot, Diagnostics &out)
{
    const QString path = QDir(workspaceRoot).filePath(QStringLiteral("airgate.yaml"));
    if (!QFileInfo::exists(path)) {
        LocalSettings s;
        EntryPointSettings web;
        web.name = QStringLiteral("web");
        web.address = ListenAddress::parse(QStringLiteral("127.0.0.1:8080"));
        s.entryPoints << web;
        return s;
    }
    auto bytes = Io::readFile(path, 1024 * 1024);
    if (!bytes) {
        Diagnostic d;
        d.rule = kRule;
        d.message = bytes.error().message;
        d.file = QStringLiteral("airgate.yaml");
        out << d;
        return {};
    }
    return parse(*bytes, workspaceRoot, out);
}

} // namespace Airgate
