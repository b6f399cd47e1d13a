from wip_qgis_plugin.dependencies import REQUIREMENTS, Requirement, install_hint, missing_requirements


def test_installed_requirements_are_not_reported():
    assert missing_requirements(REQUIREMENTS) == []


def test_missing_and_outdated_packages_are_named_with_the_install_command():
    missing = missing_requirements((Requirement("no_such_module_wip", "nosuchpkg", "python3-nosuchpkg"),
                                    Requirement("numpy", "numpy", "python3-numpy", (999,))))
    assert [req.pip_name for req, _ in missing] == ["nosuchpkg", "numpy"]
    assert "mindestens 999" in missing[1][1]
    linux = install_hint(missing, "Linux")
    assert "apt install python3-nosuchpkg python3-numpy" in linux and "nosuchpkg (nicht installiert)" in linux
    assert "pip install nosuchpkg numpy" in install_hint(missing, "Windows")
