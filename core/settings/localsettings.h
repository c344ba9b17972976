// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "validation/diagnostic.h"
#include "yaml/yamlnode.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Airgate {

/** @brief `host:port` as written in airgate.yaml or on the command line. */
struct ListenAddress
{
    QString host;
    int port = 0;
    bool valid = false;
    QString toString() const;
    /** Parses "127.0.0.1:8080", "[::1]:0", "localhost:9000", ":8080" (all interfaces). */
    static ListenAddress parse(const QString &text, QString *error = nullptr);
};

/** @brief One entry point: a name IngressRoutes refer to, and where the gateway listens for it. */
struct EntryPointSettings
{
    QString name;
    ListenAddress address;
    QStringList cipherSuites; ///< IANA names (TLS_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_…); empty
                              ///< = library defaults
    Yaml::Mark mark;
};

/** @brief Where a Kubernetes Service (`namespace/name:port`) lives on the workstation. */
struct ServiceTarget
{
    enum class Type { Url, Mock };
    QString key;
    Type type = Type::Url;
    QUrl url;
    QString mockFile; ///< absolute path of the OpenAPI document whose examples are served
    qint64 connectTimeoutMs = 5000;
    qint64 readTimeoutMs = 30000;
    Yaml::Mark mark;
};

/** @brief Limits of the local gateway's HTTP front; each has a test. */
struct GatewayLimits
{
    qint64 maxHeaderBytes = 16 * 1024; ///< request line + headers; over it: 431
    qint64 maxBodyBytes = 8 * 1024 * 1024; ///< request body; over it: 413
    int maxConnections = 4096; ///< per gateway; over it: 503 and close
    qint64 headerTimeoutMs = 10000; ///< a slow client must send its headers in this time
    qint64 idleTimeoutMs = 60000; ///< keep-alive connections idle longer are closed
    qint64 bodyTimeoutMs = 30000; ///< a request body may pause this long between reads; then 408
    qint64 maxUpstreamResponseBytes = 64 * 1024 * 1024;
};

/**
 * @brief `airgate.yaml`: what a cluster would know but a workstation does not. Never exported,
 * never linted as a manifest; its own problems are diagnostics with file:line:col (rule
 * `settings`).
 */
struct LocalSettings
{
    QList<EntryPointSettings> entryPoints;
    QMap<QString, ServiceTarget> services; ///< "ns/name:port" → target
    QMap<QString, QString> specs; ///< "ns/api" → absolute path of a local OpenAPI document
    QMap<QString, QString> jwks; ///< remote JWKS/issuer URL → absolute path of a local copy
    QMap<QString, ListenAddress> portalPreview; ///< "ns/portal" → listen address
    GatewayLimits limits;
    bool present = false; ///< the file exists

    const EntryPointSettings *entryPoint(const QString &name) const;

    /** Parses the text of airgate.yaml; relative paths resolve against @p workspaceRoot. */
    static LocalSettings parse(const QByteArray &text, const QString &workspaceRoot,
                               Diagnostics &out,
                               const QString &fileName = QStringLiteral("airgate.yaml"));
    /** Reads `<root>/airgate.yaml`; without it, one entry point `web` on 127.0.0.1:8080. */
    static LocalSettings load(const QString &workspaceRoot, Diagnostics &out);
};

} // namespace Airgate
