// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace Airgate {

/**
 * @brief What this build is made of: Airgate's version and Git commit (taken at build time),
 * and the versions of Qt, OpenSSL, libyaml and the embedded CRDs it runs with.
 *
 * `airgatectl version` and the console's About dialog both print these facts, so a bug report
 * from either names the same build.
 */
class BuildInfo
{
public:
    /** Airgate's version (the CMake project version). */
    static QString version();
    /** The Git commit the build came from (12 hex digits, `-dirty` when the tree had edits),
        or `unknown` for a build outside a Git checkout without `-DAIRGATE_GIT_COMMIT`. */
    static QString gitCommit();
    /** The project's homepage (the CMake cache variable `AIRGATE_PACKAGE_HOMEPAGE`, also the
        packages' `Homepage`), e.g. SARIF's `informationUri`. */
    static QString homepage();
    /** The Qt library in use at run time. */
    static QString qtRuntimeVersion();
    /** The Qt headers the build was compiled against. */
    static QString qtBuildVersion();
    /** The OpenSSL library in use, as OpenSSL states it (e.g. `OpenSSL 3.0.15 3 Sep 2024`). */
    static QString opensslVersion();
    /** The libyaml library in use (e.g. `0.2.5`). */
    static QString libyamlVersion();
    /** The embedded Traefik Hub CRDs (the hub-crds release). */
    static QString hubCrdsVersion();
    /** The embedded Traefik Proxy CRDs (IngressRoute, Middleware). */
    static QString traefikCrdsVersion();
    /** The Traefik Helm chart both CRD sets were taken from. */
    static QString crdChartVersion();

    /** Every fact as (label, value) in display order; labels are not translated. */
    static QList<std::pair<QString, QString>> facts();
    /** The facts as aligned `label: value` lines, the text of `airgatectl version`. */
    static QString text(const QString &program);
};

} // namespace Airgate
