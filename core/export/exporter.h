// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/workspace.h"
#include "util/result.h"

#include <QMap>
#include <QString>

namespace Airgate {

/** @brief How exported manifests are laid out on disk. */
enum class ExportLayout {
    Bundle, ///< one multi-document `bundle.yaml`, in apply order
    Namespaces, ///< `<namespace>/<kind plural>.yaml`
    Kustomize, ///< one file per resource under `<namespace>/` and a `Kustomization` listing them
};

bool parseExportLayout(const QString &name, ExportLayout &out);

/**
 * @brief Turns a workspace into kubectl-ready manifests: `kind: List` items split into
 * documents, `status` dropped, kubectl key order, dependencies first (Secrets before the
 * resources that read them, APIs before the routes that expose them). `airgate.yaml` is
 * never part of it.
 */
class Exporter
{
public:
    /** Relative path → file content, without touching the disk. */
    static QMap<QString, QByteArray> render(const Workspace &ws, ExportLayout layout);

    /**
     * Writes the export into @p outDir atomically: built in a sibling folder, then swapped in.
     * An existing non-empty @p outDir is replaced only if an earlier export made it (it holds
     * `.airgate-export`), so a wrong --out never deletes someone's files.
     */
    static Status write(const Workspace &ws, ExportLayout layout, const QString &outDir);

    /** "apiplans", "ingressroutes", "secrets": the file stem of a kind in the namespaces layout. */
    static QString kindPlural(const QString &kindName);

    /** Apply order of a kind (lower first). */
    static int applyOrder(Kind kind);
};

} // namespace Airgate
