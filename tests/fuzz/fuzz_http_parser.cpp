// SPDX-License-Identifier: Apache-2.0
// The HTTP/1.x MessageParser (requests and responses, heads, Content-Length, chunked and
// read-until-close bodies, pipelining, Expect: 100-continue) on an arbitrary byte stream, cut at
// arbitrary points. The messages read, and how the stream ends, must not depend on the cuts: the
// same stream fed whole gives the same outcome.
#include "fuzzcommon.h"

#include "http/messageparser.h"

#include <QList>

using namespace Airgate::Http;

namespace {

struct Outcome
{
    QList<QByteArray> messages; ///< method/status, target, body of each complete message
    int errorStatus = 0;
    bool ended = false; ///< finishAtEof completed a read-until-close body
    bool operator==(const Outcome &) const = default;
};

Outcome run(MessageParser::Mode mode, bool head, const QByteArray &stream, const QList<int> &cuts,
            const ParseLimits &limits)
{
    MessageParser p(mode, limits);
    if (head)
        p.setRequestMethod("HEAD");
    Outcome out;
    QByteArray buffer;
    qsizetype offset = 0;
    int piece = 0;
    while (offset < stream.size()) {
        const qsizetype n = cuts.isEmpty()
            ? stream.size()
            : qMin<qsizetype>(cuts[piece++ % cuts.size()], stream.size() - offset);
        buffer.append(stream.mid(offset, n));
        offset += n;
        for (int guard = 0;; ++guard) {
            FUZZ_CHECK(guard < 100000);
            const qsizetype before = buffer.size();
            const qint64 bytesBefore = p.bytesSoFar();
            const MessageParser::Status s = p.feed(buffer);
            FUZZ_CHECK(buffer.size() <= before);
            if (s == MessageParser::Status::Error) {
                FUZZ_CHECK(p.errorStatus() >= 400 && p.errorStatus() <= 599);
                FUZZ_CHECK(!p.errorText().isEmpty());
                out.errorStatus = p.errorStatus();
                return out;
            }
            if (s == MessageParser::Status::NeedMore) {
                FUZZ_CHECK(p.bytesSoFar() >= bytesBefore || buffer.size() < before);
                break;
            }
            if (s == MessageParser::Status::ExpectContinue)
                continue;
            // Complete: something was consumed, and the parser is ready for the next message.
            FUZZ_CHECK(buffer.size() < before || p.bytesSoFar() > 0);
            if (mode == MessageParser::Mode::Request) {
                const Request r = p.takeRequest();
                FUZZ_CHECK(!r.method.isEmpty());
                FUZZ_CHECK(r.body.size() <= limits.maxBodyBytes);
                out.messages << r.method + ' ' + r.target + '\n' + r.body;
            } else {
                const QByteArray body = p.takeBody();
                FUZZ_CHECK(body.size() <= limits.maxBodyBytes);
                out.messages << QByteArray::number(p.responseStatus()) + '\n' + body;
                p.reset();
                if (head)
                    p.setRequestMethod("HEAD");
            }
            if (buffer.isEmpty())
                break;
        }
    }
    if (mode == MessageParser::Mode::Response && p.headersDone()) {
        const MessageParser::Status s = p.finishAtEof();
        if (s == MessageParser::Status::Complete) {
            out.ended = true;
            out.messages << QByteArray::number(p.responseStatus()) + '\n' + p.takeBody();
        } else if (s == MessageParser::Status::Error) {
            out.errorStatus = p.errorStatus();
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    AirgateFuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Byte 0: flags; byte 1: how many cut sizes follow (1-8); then the cut sizes (1-64, used in
    // turn); then the stream.
    if (size < 3)
        return 0;
    const uint8_t flags = data[0];
    const auto mode = (flags & 1) ? MessageParser::Mode::Response : MessageParser::Mode::Request;
    const bool head = flags & 2;
    ParseLimits limits;
    // Small limits so the fuzzer reaches them.
    limits.maxHeaderBytes = 256 + (flags >> 2) * 16;
    limits.maxBodyBytes = 512;
    limits.maxHeaderCount = 8;
    QList<int> cuts;
    const size_t nCuts = 1 + data[1] % 8;
    if (size < 2 + nCuts)
        return 0;
    for (size_t i = 0; i < nCuts; ++i)
        cuts << 1 + data[2 + i] % 64;
    const QByteArray stream = AirgateFuzz::bytes(data + 2 + nCuts, size - 2 - nCuts);

    const Outcome pieces = run(mode, head, stream, cuts, limits);
    const Outcome whole = run(mode, head, stream, {}, limits);
    if (!(pieces == whole)) {
        std::fprintf(stderr, "pieces: %lld messages, error %d; whole: %lld messages, error %d\n",
                     static_cast<long long>(pieces.messages.size()), pieces.errorStatus,
                     static_cast<long long>(whole.messages.size()), whole.errorStatus);
        FUZZ_CHECK(!"the outcome depends on where the stream was cut");
    }
    return 0;
}
