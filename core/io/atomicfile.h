// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace Airgate::Io {

/// Manifests larger than this are refused on load (a workspace is text written by people).
inline constexpr qint64 kMaxManifestBytes = 16 * 1024 * 1024;

/**
 * Writes @p bytes to @p path atomically: a temporary file in the same directory, flushed,
 * then renamed over the target, so a crash leaves either the old or the new file, never half.
 * Creates missing parent directories.
 */
Status writeFileAtomically(const QString &path, const QByteArray &bytes);

/** Reads a whole file, refusing files over @p maxBytes. */
Result<QByteArray> readFile(const QString &path, qint64 maxBytes = kMaxManifestBytes);

} // namespace Airgate::Io
