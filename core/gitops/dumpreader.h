// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"
#include "yaml/yamlnode.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <vector>

namespace Airgate::GitOps {

/// A dump larger than this is refused: `kubectl get -o json` of a few thousand objects is far less.
inline constexpr qint64 kMaxDumpBytes = 64 * 1024 * 1024;

/** @brief One Kubernetes object read from a dump: the tree and where it starts. */
struct DumpObject
{
    Yaml::NodePtr node;
    QString file;
    Yaml::Mark mark;
    int document = 0; ///< 0-based document of the file
    int item = -1; ///< 0-based item of a List, or -1
};

/** @brief What a dump holds: its objects in order, and what was passed over (with why). */
struct Dump
{
    std::vector<DumpObject> objects;
    QStringList notes; ///< "file:line:col: skipped: OpenAPI 3.0.3 document"
};

/**
 * Reads what `kubectl get … -o yaml` or `-o json` prints — a `v1 List` (or a typed `…List` from the
 * API), multi-document YAML, or single objects — from @p bytes, named @p fileName in messages.
 *
 * Nothing is guessed: a YAML or JSON syntax error, a document that is not a mapping, an object
 * without apiVersion, kind or metadata.name (what a dump cut short leaves, e.g. a List that lost
 * its trailing `kind: List`) is an error `file:line:col: what is wrong`. API descriptions
 * (openapi:, swagger:, asyncapi:) and empty documents are passed over with a note. Never throws.
 */
Result<Dump> readDump(QByteArrayView bytes, const QString &fileName);

/** Reads a file (or stdin for "-") with readDump(); an unreadable file is an error naming it. */
Result<Dump> readDumpFile(const QString &path);

} // namespace Airgate::GitOps
