// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/httpmessage.h"
#include "routing/routerule.h"

#include <QString>

#include <functional>
#include <memory>

namespace Airgate::Runtime {

/**
 * @brief A router rule compiled for the data path: an immutable tree of matchers built once
 * per snapshot and shared by every worker thread.
 */
class RouteMatcher
{
public:
    /** Compiles a rule; on failure ok() is false and error() says why (rule `route` in lint). */
    explicit RouteMatcher(const QString &rule);
    ~RouteMatcher();

    bool ok() const { return m_root != nullptr; }
    const QString &error() const { return m_error; }
    /** Whether @p request matches; @p routingPath is its RequestPath::routing. */
    bool matches(const Http::Request &request, const QByteArray &routingPath,
                 const QByteArray &host) const;

    struct Node;

private:
    std::unique_ptr<Node> m_root;
    QString m_error;
};

} // namespace Airgate::Runtime
