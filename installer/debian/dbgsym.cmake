# SPDX-License-Identifier: Apache-2.0
# CPACK_POST_BUILD_SCRIPTS: repacks each -dbgsym .ddeb the way dh_strip makes them. CPackDeb
# (CMake 3.25) lists the .debug files in DEBIAN/md5sums under their absolute build paths and
# gives the package no /usr/share/doc: here md5sums is rewritten with package-relative paths
# and /usr/share/doc/PKG-dbgsym becomes a symlink to the documentation of PKG, on which the
# -dbgsym package depends with the exact version.
find_program(_dpkg_deb dpkg-deb REQUIRED)
find_program(_md5sum md5sum REQUIRED)
# The packages in their temporary folder, before cpack copies them out.
set(_ddebs ${CPACK_PACKAGE_FILES})
list(FILTER _ddebs INCLUDE REGEX "-dbgsym_[^/]*\\.ddeb$")
foreach(_ddeb IN LISTS _ddebs)
    get_filename_component(_name "${_ddeb}" NAME)
    string(REGEX REPLACE "-dbgsym_.*" "" _pkg "${_name}")
    set(_root "${CPACK_PACKAGE_DIRECTORY}/_dbgsym/${_pkg}")
    file(REMOVE_RECURSE "${_root}")
    file(MAKE_DIRECTORY "${CPACK_PACKAGE_DIRECTORY}/_dbgsym")
    execute_process(COMMAND ${_dpkg_deb} --raw-extract "${_ddeb}" "${_root}" COMMAND_ERROR_IS_FATAL ANY)
    file(MAKE_DIRECTORY "${_root}/usr/share/doc")
    file(CREATE_LINK "${_pkg}" "${_root}/usr/share/doc/${_pkg}-dbgsym" SYMBOLIC)
    file(GLOB_RECURSE _files LIST_DIRECTORIES false RELATIVE "${_root}" "${_root}/usr/lib/*")
    list(SORT _files)
    execute_process(COMMAND ${_md5sum} ${_files} WORKING_DIRECTORY "${_root}"
        OUTPUT_FILE "${_root}/DEBIAN/md5sums" COMMAND_ERROR_IS_FATAL ANY)
    file(CHMOD "${_root}/DEBIAN/md5sums" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
    execute_process(COMMAND ${_dpkg_deb} --root-owner-group -Zxz --build "${_root}" "${_ddeb}"
        OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
    file(REMOVE_RECURSE "${_root}")
    message(STATUS "Repacked ${_name}: package-relative md5sums, /usr/share/doc/${_pkg}-dbgsym -> ${_pkg}")
endforeach()
file(REMOVE_RECURSE "${CPACK_PACKAGE_DIRECTORY}/_dbgsym")
