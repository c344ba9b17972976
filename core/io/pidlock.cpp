// SPDX-License-Identifier: Apache-2.0
#include "pidlock.h"

#include <QFile>
#include <QJsonDocument>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace Airgate::Io {

namespace {

/// A lock file holds a few hundred bytes of JSON; anything larger is not ours.
constexpr qint64 kMaxLockBytes = 64 * 1024;

QByteArray readAll(int fd)
{
    QByteArray out;
    char buf[4096];
    off_t at = 0;
    while (out.size() < kMaxLockBytes) {
        const ssize_t n = ::pread(fd, buf, sizeof buf, at);
        if (n <= 0)
            break;
        out.append(buf, static_cast<qsizetype>(n));
        at += n;
    }
    return out;
}

bool writeBody(int fd, const QJsonObject &info)
{
    const QByteArray body = QJsonDocument(info).toJson(QJsonDocument::Compact) + '\n';
    if (::ftruncate(fd, 0) != 0)
        return false;
    qsizetype done = 0;
    while (done < body.size()) {
        const ssize_t n
            = ::pwrite(fd, body.constData() + done, static_cast<size_t>(body.size() - done), done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

PidLock::PidLock(PidLock &&other) noexcept
    : m_fd(other.m_fd)
    , m_path(std::move(other.m_path))
{
    other.m_fd = -1;
}

PidLock &PidLock::operator=(PidLock &&other) noexcept
{
    if (this != &other) {
        release();
        m_fd = other.m_fd;
        m_path = std::move(other.m_path);
        other.m_fd = -1;
    }
    return *this;
}

PidLock::~PidLock()
{
    release();
}

Result<PidLock> PidLock::acquire(const QString &path, const QJsonObject &info)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot open %1: %2")
                             .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        const QJsonObject other = QJsonDocument::fromJson(readAll(fd)).object();
        ::close(fd);
        if (e == EWOULDBLOCK)
            return makeError(
                Error::Code::Refused,
                QStringLiteral("pid %1").arg(other.value(QStringLiteral("pid")).toInteger()));
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot lock %1: %2")
                             .arg(path, QString::fromLocal8Bit(std::strerror(e))));
    }
    PidLock lock;
    lock.m_fd = fd;
    lock.m_path = path;
    if (!writeBody(fd, info))
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot write %1: %2")
                             .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    return lock;
}

std::optional<QJsonObject> PidLock::holder(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    // Probing with a shared lock: it fails only while the owner holds its exclusive one.
    if (::flock(fd, LOCK_SH | LOCK_NB) == 0) {
        ::flock(fd, LOCK_UN);
        ::close(fd);
        return std::nullopt;
    }
    const QJsonObject info = QJsonDocument::fromJson(readAll(fd)).object();
    ::close(fd);
    return info;
}

Status PidLock::update(const QJsonObject &info)
{
    if (m_fd < 0 || !writeBody(m_fd, info))
        return makeError(Error::Code::Io, QStringLiteral("cannot write %1").arg(m_path));
    return {};
}

void PidLock::release()
{
    if (m_fd < 0)
        return;
    // The file stays: removing it would race with a new owner that already opened it.
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
    m_fd = -1;
}

} // namespace Airgate::Io
