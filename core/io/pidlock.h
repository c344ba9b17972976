// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Airgate::Io {

/**
 * @brief A lock file that says which process owns a folder: `flock(2)` held for the owner's
 * whole life, and a JSON body (pid, parent, what it serves) others can read. The kernel drops
 * the lock when the owner dies however it dies (kill -9 included), so a stale file never counts
 * as held.
 */
class PidLock
{
public:
    PidLock() = default;
    PidLock(PidLock &&other) noexcept;
    PidLock &operator=(PidLock &&other) noexcept;
    PidLock(const PidLock &) = delete;
    PidLock &operator=(const PidLock &) = delete;
    ~PidLock();

    /** Takes the lock of @p path (created 0600) and writes @p info into it; fails with
     * Error::Code::Refused, naming the holder's pid, when another process holds it. */
    static Result<PidLock> acquire(const QString &path, const QJsonObject &info);
    /** The body of the lock file while a live process holds it; nullopt when nobody does. */
    static std::optional<QJsonObject> holder(const QString &path);

    /** Replaces the body (e.g. once the admin port is known); the lock stays held. */
    Status update(const QJsonObject &info);
    bool isHeld() const { return m_fd >= 0; }
    void release();

private:
    int m_fd = -1;
    QString m_path;
};

} // namespace Airgate::Io
