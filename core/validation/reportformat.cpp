// SPDX-License-Identifier: Apache-2.0
#include "reportformat.h"

#include "util/buildinfo.h"
#include "validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QXmlStreamWriter>

namespace Airgate {

namespace {

QString filePath(const LintSummary &s, const QString &file)
{
    if (s.pathPrefix.isEmpty() || file.isEmpty())
        return file;
    return s.pathPrefix.endsWith(u'/') ? QString(s.pathPrefix + file)
                                       : QString(s.pathPrefix + u'/' + file);
}

QByteArray renderUnix(const Diagnostics &ds, const LintSummary &s, bool includeInfo)
{
    QByteArray out;
    for (const Diagnostic &d : ds) {
        if (d.severity == Diagnostic::Severity::Info && !includeInfo)
            continue;
        QString line = filePath(s, d.file) + u':' + QString::number(d.line) + u':'
            + QString::number(d.column) + QStringLiteral(": ")
            + Diagnostic::severityName(d.severity) + QStringLiteral(": ") + d.message
            + QStringLiteral(" [") + d.rule + u']';
        out += line.toUtf8() + '\n';
    }
    return out;
}

QByteArray json(const Diagnostics &ds, const LintSummary &s)
{
    QJsonArray arr;
    for (const Diagnostic &d : ds) {
        QJsonObject o {{QStringLiteral("severity"), Diagnostic::severityName(d.severity)},
                       {QStringLiteral("rule"), d.rule},
                       {QStringLiteral("message"), d.message},
                       {QStringLiteral("file"), filePath(s, d.file)},
                       {QStringLiteral("line"), d.line},
                       {QStringLiteral("column"), d.column},
                       {QStringLiteral("kind"), d.kind},
                       {QStringLiteral("namespace"), d.ns},
                       {QStringLiteral("name"), d.name},
                       {QStringLiteral("field"), d.field}};
        if (!d.hint.isEmpty())
            o.insert(QStringLiteral("hint"), d.hint);
        arr.append(o);
    }
    QJsonObject root {{QStringLiteral("documents"), s.documents},
                      {QStringLiteral("resources"), s.resources},
                      {QStringLiteral("diagnostics"), arr}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray checkstyle(const Diagnostics &ds, const LintSummary &s, bool includeInfo)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("checkstyle"));
    w.writeAttribute(QStringLiteral("version"), QStringLiteral("4.3"));
    QMap<QString, Diagnostics> byFile;
    for (const Diagnostic &d : ds)
        if (d.severity != Diagnostic::Severity::Info || includeInfo)
            byFile[filePath(s, d.file)] << d;
    for (auto it = byFile.cbegin(); it != byFile.cend(); ++it) {
        w.writeStartElement(QStringLiteral("file"));
        w.writeAttribute(QStringLiteral("name"), it.key());
        for (const Diagnostic &d : it.value()) {
            w.writeEmptyElement(QStringLiteral("error"));
            w.writeAttribute(QStringLiteral("line"), QString::number(d.line));
            w.writeAttribute(QStringLiteral("column"), QString::number(d.column));
            w.writeAttribute(QStringLiteral("severity"), Diagnostic::severityName(d.severity));
            w.writeAttribute(QStringLiteral("message"), d.message);
            w.writeAttribute(QStringLiteral("source"), QStringLiteral("airgate.") + d.rule);
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

QByteArray sarif(const Diagnostics &ds, const LintSummary &s)
{
    QJsonArray rules;
    for (const RuleInfo &r : Validator::rules())
        rules.append(QJsonObject {{QStringLiteral("id"), r.name},
                                  {QStringLiteral("shortDescription"),
                                   QJsonObject {{QStringLiteral("text"), r.description}}}});
    QJsonArray results;
    for (const Diagnostic &d : ds) {
        const QString level = d.severity == Diagnostic::Severity::Error ? QStringLiteral("error")
            : d.severity == Diagnostic::Severity::Warning               ? QStringLiteral("warning")
                                                                        : QStringLiteral("note");
        QJsonObject region {{QStringLiteral("startLine"), qMax(1, d.line)},
                            {QStringLiteral("startColumn"), qMax(1, d.column)}};
        QJsonObject loc {{QStringLiteral("physicalLocation"),
                          QJsonObject {{QStringLiteral("artifactLocation"),
                                        QJsonObject {{QStringLiteral("uri"), filePath(s, d.file)}}},
                                       {QStringLiteral("region"), region}}}};
        QString text = d.message;
        if (!d.hint.isEmpty())
            text += QStringLiteral(" (") + d.hint + u')';
        results.append(
            QJsonObject {{QStringLiteral("ruleId"), d.rule},
                         {QStringLiteral("level"), level},
                         {QStringLiteral("message"), QJsonObject {{QStringLiteral("text"), text}}},
                         {QStringLiteral("locations"), QJsonArray {loc}}});
    }
    QJsonObject driver {{QStringLiteral("name"), QStringLiteral("airgate")},
                        {QStringLiteral("version"), QStringLiteral(AIRGATE_VERSION)},
                        {QStringLiteral("informationUri"), BuildInfo::homepage()},
                        {QStringLiteral("rules"), rules}};
    QJsonObject run {{QStringLiteral("tool"), QJsonObject {{QStringLiteral("driver"), driver}}},
                     {QStringLiteral("results"), results}};
    QJsonObject root {{QStringLiteral("$schema"),
                       QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
                      {QStringLiteral("version"), QStringLiteral("2.1.0")},
                      {QStringLiteral("runs"), QJsonArray {run}}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray junit(const Diagnostics &ds, const LintSummary &s, bool includeInfo)
{
    // One test case per resource (or per file for findings outside a resource); errors fail it.
    struct Case
    {
        QString name;
        QString file;
        Diagnostics findings;
    };
    QMap<QString, Case> cases;
    for (const Diagnostic &d : ds) {
        if (d.severity == Diagnostic::Severity::Info && !includeInfo)
            continue;
        const QString key = d.kind.isEmpty()
            ? filePath(s, d.file)
            : QString(d.kind + u' ' + (d.ns.isEmpty() ? d.name : QString(d.ns + u'/' + d.name)));
        Case &c = cases[filePath(s, d.file) + u'|' + key];
        c.name = key;
        c.file = filePath(s, d.file);
        c.findings << d;
    }
    int failures = 0;
    for (const Case &c : cases)
        for (const Diagnostic &d : c.findings)
            if (d.isError()) {
                ++failures;
                break;
            }
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("testsuites"));
    w.writeStartElement(QStringLiteral("testsuite"));
    w.writeAttribute(QStringLiteral("name"), QStringLiteral("airgate lint"));
    w.writeAttribute(QStringLiteral("tests"),
                     QString::number(qMax<qsizetype>(cases.size(), s.resources)));
    w.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    for (const Case &c : cases) {
        w.writeStartElement(QStringLiteral("testcase"));
        w.writeAttribute(QStringLiteral("classname"), c.file);
        w.writeAttribute(QStringLiteral("name"), c.name);
        QStringList errors, others;
        for (const Diagnostic &d : c.findings) {
            const QString line = QStringLiteral("%1:%2:%3: %4: %5 [%6]")
                                     .arg(c.file)
                                     .arg(d.line)
                                     .arg(d.column)
                                     .arg(Diagnostic::severityName(d.severity), d.message, d.rule);
            (d.isError() ? errors : others) << line;
        }
        if (!errors.isEmpty()) {
            w.writeStartElement(QStringLiteral("failure"));
            w.writeAttribute(QStringLiteral("message"), errors.first());
            w.writeCharacters(errors.join(u'\n'));
            w.writeEndElement();
        }
        if (!others.isEmpty())
            w.writeTextElement(QStringLiteral("system-out"), others.join(u'\n'));
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

} // namespace

bool parseReportFormat(const QString &name, ReportFormat &out)
{
    static const QMap<QString, ReportFormat> formats {
        {QStringLiteral("unix"), ReportFormat::Unix},
        {QStringLiteral("json"), ReportFormat::Json},
        {QStringLiteral("checkstyle"), ReportFormat::Checkstyle},
        {QStringLiteral("sarif"), ReportFormat::Sarif},
        {QStringLiteral("junit"), ReportFormat::JUnit}};
    auto it = formats.constFind(name);
    if (it == formats.cend())
        return false;
    out = it.value();
    return true;
}

QByteArray renderReport(const Diagnostics &diagnostics, const LintSummary &summary,
                        ReportFormat format, bool includeInfo)
{
    switch (format) {
    case ReportFormat::Unix:
        return renderUnix(diagnostics, summary, includeInfo);
    case ReportFormat::Json:
        return json(diagnostics, summary);
    case ReportFormat::Checkstyle:
        return checkstyle(diagnostics, summary, includeInfo);
    case ReportFormat::Sarif:
        return sarif(diagnostics, summary);
    case ReportFormat::JUnit:
        return junit(diagnostics, summary, includeInfo);
    }
    return {};
}

} // namespace Airgate
