// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"
#include "yaml/yamlnode.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

namespace Airgate::OpenApi {

/** Largest document file read (Stripe's is 4.2 MB). */
inline constexpr qint64 kMaxDocumentBytes = 32 * 1024 * 1024;
/** Most files one document may pull in through external `$ref`s (Redocly's cafe has 36). */
inline constexpr int kMaxExternalFiles = 1000;
/** A `$ref` that leads to another `$ref` is followed this many times, then refused. */
inline constexpr int kMaxRefHops = 32;
/** Where the files reached through external `$ref`s are kept in the bundled document. */
inline constexpr char kFilesKey[] = "x-airgate-files";

/** @brief Something wrong in an OpenAPI document or a file it refers to. */
struct Problem
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString file; ///< as given to load(), or the referenced file's path
    int line = 0;
    int column = 0;
    QString message;
    QString toString() const;
};

/** @brief How a document is read. */
struct LoadOptions
{
    /// External `$ref`s must name files inside this folder (the workspace); empty: the
    /// document's own folder. http(s) references are always refused (nothing is fetched).
    QString root;
    /// Set (by a signal handler, say) to stop a load early; the load then fails.
    const std::atomic<bool> *cancel = nullptr;
};

/** @brief One operation: a method on a path template. */
struct Operation
{
    QString method; ///< upper case
    QString path; ///< the document's template, e.g. /repos/{owner}/{repo}
    QStringList tags;
    QString operationId;
    QJsonObject object; ///< the operation object ($refs inside unresolved)
    QJsonArray pathParameters; ///< the path item's own `parameters`
};

/**
 * @brief An OpenAPI document as every part of Airgate reads it (mock, portal, wizard,
 * operation sets, lint): OpenAPI 3.0 / 3.1 or Swagger 2.0, JSON or YAML.
 *
 * Swagger 2.0 is normalised to the 3.x model (servers from host/basePath, request bodies from
 * body and formData parameters, content from produces/consumes, response `examples` as media
 * examples, definitions as components). Files named by relative external `$ref`s are read once
 * each and kept under `x-airgate-files`, the references rewritten to local pointers, so the
 * result is one self-contained document; references that leave the root folder, http(s)
 * references and missing files are refused and listed in problems(). `$ref`s are never
 * expanded: resolve() follows them when asked and remembers the answer, so recursive schemas
 * cost nothing at load. Immutable after load and safe to share between threads.
 */
class Document
{
public:
    static Result<std::shared_ptr<const Document>> load(const QString &file,
                                                        const LoadOptions &options = {});
    /** A document already in memory (fetched, say): external references are refused. */
    static Result<std::shared_ptr<const Document>> fromBytes(const QByteArray &bytes,
                                                             const QString &name);

    const QJsonObject &root() const { return m_root; }
    const QString &name() const { return m_name; }
    /** "2.0", "3.0.3", "3.1.0" as the source said. */
    const QString &sourceVersion() const { return m_sourceVersion; }
    bool isSwagger2() const { return m_sourceVersion.startsWith(QLatin1StringView("2")); }
    const QList<Problem> &problems() const { return m_problems; }
    /** Workspace-relative or absolute paths of every file read (the document first). */
    const QStringList &files() const { return m_files; }
    /** The path of the first server URL ("/v1.56", "/api/v3"), without a trailing slash. */
    const QString &basePath() const { return m_basePath; }
    const std::vector<Operation> &operations() const { return m_operations; }
    QString title() const;

    /** The value a local pointer ("#/components/schemas/Pet") names; undefined when absent. */
    QJsonValue pointer(const QString &ref) const;
    /**
     * @p value with its `$ref` chain followed (memoised per reference, at most kMaxRefHops);
     * a value without `$ref` is returned as is; a dangling or circular chain gives undefined.
     */
    QJsonValue resolve(const QJsonValue &value) const;
    QJsonObject resolveObject(const QJsonValue &value) const { return resolve(value).toObject(); }
    /** The whole document as compact JSON (what a client downloads), built once. */
    QByteArray json() const;

private:
    Document() = default;
    void index();

    QJsonObject m_root;
    QString m_name;
    QString m_sourceVersion;
    QString m_basePath;
    QList<Problem> m_problems;
    QStringList m_files;
    std::vector<Operation> m_operations;
    mutable QMutex m_mutex;
    mutable QHash<QString, QJsonValue> m_resolved;
    mutable QByteArray m_json;

    friend class Loader;
};

/** The OpenAPI methods an operation can have, lower case, in the order they are listed. */
const QStringList &methods();

/** "openapi 3.0.3", "swagger 2.0", "asyncapi 2.6.0" for a document's top level, else empty. */
QString documentFormat(const QJsonObject &topLevel);

/**
 * The files a tree refers to by external `$ref` (the part before `#`, percent-decoded, as
 * written: relative to the file holding it). http(s) references are included as written.
 */
QStringList externalReferences(const QJsonValue &tree);
/** The same for a parsed YAML tree. */
QStringList externalReferences(const Yaml::Node &tree);
/** documentFormat() of a parsed YAML top level. */
QString documentFormat(const Yaml::Node &topLevel);
/** Whether @p text may hold a `$ref` to another file: a scan cheaper than any parse. */
bool mayReferToFiles(const QByteArray &text);

} // namespace Airgate::OpenApi
