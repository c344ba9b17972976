# SPDX-License-Identifier: Apache-2.0
# Manual pages and shell completions, generated at build time from the programs themselves so
# they cannot drift from `--help`:
#   airgatectl(1) and the bash, zsh and fish completions: from app/cli/commandspec.cpp, the table
#     that prints `airgatectl --help` (`airgatectl help --man` writes scdoc(5) markup; scdoc makes
#     the roff);
#   airgate(1): help2man runs `airgate --help` (QCommandLineParser) and adds man/airgate.h2m;
#   the offline HTML manual (Help > Manual): the README and docs/*.md rendered by cmark-gfm, with the
#     command reference printed by airgatectl (manual/make-manual.sh).
# Everything lands in ${AIRGATE_DOC_DIR}; the packages install it from there.
set(AIRGATE_DOC_DIR ${PROJECT_BINARY_DIR}/doc CACHE INTERNAL "")
find_program(AIRGATE_SCDOC scdoc REQUIRED)
find_program(AIRGATE_GZIP gzip REQUIRED)
find_program(AIRGATE_CMARK_GFM cmark-gfm REQUIRED)

set(_man ${AIRGATE_DOC_DIR}/man)
set(_completions ${AIRGATE_DOC_DIR}/completions)
set(_outputs ${_man}/airgatectl.1 ${_man}/airgatectl.1.gz)
add_custom_command(OUTPUT ${_man}/airgatectl.1 ${_man}/airgatectl.1.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${_man}
    COMMAND sh -c "\"$1\" help --man > \"$3.scd\" && \"$2\" < \"$3.scd\" > \"$3\" && \"$4\" -9nc \"$3\" > \"$3.gz\""
        sh $<TARGET_FILE:airgatectl> ${AIRGATE_SCDOC} ${_man}/airgatectl.1 ${AIRGATE_GZIP}
    DEPENDS airgatectl
    COMMENT "airgatectl(1) from the command table"
    VERBATIM)
foreach(_shell bash zsh fish)
    if(_shell STREQUAL "bash")
        set(_file ${_completions}/airgatectl)
    elseif(_shell STREQUAL "zsh")
        set(_file ${_completions}/_airgatectl)
    else()
        set(_file ${_completions}/airgatectl.fish)
    endif()
    add_custom_command(OUTPUT ${_file}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${_completions}
        COMMAND sh -c "\"$1\" completion $2 > \"$3\"" sh $<TARGET_FILE:airgatectl> ${_shell} ${_file}
        DEPENDS airgatectl
        COMMENT "${_shell} completion for airgatectl"
        VERBATIM)
    list(APPEND _outputs ${_file})
endforeach()

if(TARGET airgate)
    find_program(AIRGATE_HELP2MAN help2man REQUIRED)
    # argv[0] is what `--help` prints as the program name: run it by name from PATH.
    add_custom_command(OUTPUT ${_man}/airgate.1 ${_man}/airgate.1.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${_man}
        COMMAND ${CMAKE_COMMAND} -E env PATH=$<TARGET_FILE_DIR:airgate>:/usr/bin:/bin
            QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 XDG_RUNTIME_DIR=${PROJECT_BINARY_DIR}
            ${AIRGATE_HELP2MAN} --no-info --include ${CMAKE_CURRENT_SOURCE_DIR}/man/airgate.h2m
            --output ${_man}/airgate.1 airgate
        COMMAND sh -c "\"$1\" -9nc \"$2\" > \"$2.gz\"" sh ${AIRGATE_GZIP} ${_man}/airgate.1
        DEPENDS airgate ${CMAKE_CURRENT_SOURCE_DIR}/man/airgate.h2m
        COMMENT "airgate(1) from airgate --help"
        VERBATIM)
    list(APPEND _outputs ${_man}/airgate.1 ${_man}/airgate.1.gz)
    install(FILES ${_man}/airgate.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT console)
endif()
file(GLOB _screenshots CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/screenshots/*.png
    ${PROJECT_SOURCE_DIR}/docs/*.md)
set(_manual_templates ${CMAKE_CURRENT_SOURCE_DIR}/manual/header.html
    ${CMAKE_CURRENT_SOURCE_DIR}/manual/footer.html ${CMAKE_CURRENT_SOURCE_DIR}/manual/manual.css)
add_custom_command(OUTPUT ${AIRGATE_DOC_DIR}/manual/index.html
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/manual/make-manual.sh ${AIRGATE_CMARK_GFM}
        ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs $<TARGET_FILE:airgatectl>
        ${CMAKE_CURRENT_SOURCE_DIR}/manual ${AIRGATE_DOC_DIR}/manual
    DEPENDS airgatectl ${CMAKE_CURRENT_SOURCE_DIR}/manual/make-manual.sh ${_manual_templates}
        ${PROJECT_SOURCE_DIR}/README.md ${_screenshots}
    COMMENT "offline HTML manual from the README and docs/"
    VERBATIM)
list(APPEND _outputs ${AIRGATE_DOC_DIR}/manual/index.html)
add_custom_target(airgate_docs ALL DEPENDS ${_outputs})

install(FILES ${_man}/airgatectl.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT gateway)
install(FILES ${_completions}/airgatectl
    DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT gateway)
install(FILES ${_completions}/_airgatectl
    DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions COMPONENT gateway)
install(FILES ${_completions}/airgatectl.fish
    DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d COMPONENT gateway)
