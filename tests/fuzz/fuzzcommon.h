// SPDX-License-Identifier: Apache-2.0
// Shared by the libFuzzer targets: a Qt application object (some code asks for one) and helpers
// that turn fuzz bytes into Qt types.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace AirgateFuzz {

inline void initQt()
{
    static int argc = 1;
    static char name[] = "airgate-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = nullptr;
    if (!app) {
        // Qt's warnings (QJsonDocument, QUrl) would flood the fuzzer's output.
        qputenv("QT_LOGGING_RULES", "*=false");
        qputenv("LC_ALL", "C.UTF-8");
        app = new QCoreApplication(argc, argv);
    }
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

/** The separator between the parts of a many-part input (a JWKS and a token, say); also in the
 * dictionaries, so the fuzzer finds it. */
inline constexpr char kSeparator[] = "\n#--\n";

/** Splits an input into parts at kSeparator: part(0), part(1)…; the last part takes the rest. */
inline QList<QByteArray> parts(const QByteArray &input, int count)
{
    QList<QByteArray> out;
    qsizetype pos = 0;
    for (int i = 0; i < count - 1; ++i) {
        const qsizetype at = input.indexOf(kSeparator, pos);
        if (at < 0)
            break;
        out << input.mid(pos, at - pos);
        pos = at + qsizetype(sizeof kSeparator - 1);
    }
    out << input.mid(pos);
    while (out.size() < count)
        out << QByteArray();
    return out;
}

/** A property the code under test promises, checked on fuzz input: abort (a finding) when false. */
#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);          \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

} // namespace AirgateFuzz
