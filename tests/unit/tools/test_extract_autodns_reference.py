# Copyright: contributors to domainops.registrar
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""docs/reference/autodns-spec.json is what tools/extract_autodns_reference.py makes of InterNetX's swagger."""
import importlib.util
import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), *[os.pardir] * 3))  # tests/unit/tools → the checkout
TOOL = os.path.join(ROOT, 'tools', 'extract_autodns_reference.py')
SPEC = os.path.join(ROOT, 'docs', 'reference', 'autodns-spec.json')
_LOADER = importlib.util.spec_from_file_location('extract_autodns_reference', TOOL)
tool = importlib.util.module_from_spec(_LOADER)
_LOADER.loader.exec_module(tool)

SWAGGER = tool.find_swagger()


@pytest.mark.skipif(SWAGGER is None, reason='shared/reference/autodns-swagger.json (InterNetX swagger) is not next to '
                                            'this checkout; packaged installs and users\' machines lack it')
def test_spec_file_is_up_to_date_with_the_swagger():
    result = subprocess.run([sys.executable, TOOL, '--check', '--swagger', SWAGGER], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(SWAGGER is None, reason='shared/reference/autodns-swagger.json is not next to this checkout')
def test_check_fails_on_a_stale_file(tmp_path):
    stale = tmp_path / 'autodns-spec.json'
    with open(SPEC) as handle:
        facts = json.load(handle)
    del facts['definitions']['JobStatusConstants']['enum'][-1]
    stale.write_text(json.dumps(facts))
    result = subprocess.run([sys.executable, TOOL, '--check', '--swagger', SWAGGER, '--output', str(stale)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1 and 'out of date' in result.stderr


def test_spec_file_has_facts_and_no_prose():
    with open(SPEC) as handle:
        facts = json.load(handle)
    assert facts['source']['file'] == 'autodns-swagger.json' and facts['source']['info_version'] == 'v1'
    assert facts['source']['basePath'] == '/v1'

    def prose(node, inside_properties=False):
        if isinstance(node, dict):
            keys = [] if inside_properties else [k for k in node if k in tool.PROSE]
            return keys + [p for k, v in node.items() for p in prose(v, k == 'properties' and not inside_properties)]
        if isinstance(node, list):
            return [p for v in node for p in prose(v)]
        return []
    assert prose(facts) == []
    assert sorted((m, p) for p, methods in facts['routes'].items() for m in methods) == sorted(tool.ROUTES)
    contact = facts['definitions']['Contact']['properties']
    assert contact['id'] == {'type': 'integer', 'format': 'int32'} and 'title' in contact
    assert facts['definitions']['Domain']['properties']['ownerc'] == {'$ref': '#/definitions/Contact'}
