#!/usr/bin/env node
// Writes src/rules/phone/cn-metadata.json: libphonenumber-js's full ("max") metadata cut down to China (+86). The
// phone rule reads only Chinese numbers; the whole world's metadata would add about 40 KB gzipped to each Excel
// bundle. Run after upgrading libphonenumber-js (a test fails while the file differs from this output).
const fs = require('fs');
const path = require('path');

/** China's part of libphonenumber-js's max metadata, in the same shape. */
function chinaMetadata() {
  const all = require('libphonenumber-js/metadata.max.json');
  return {
    version: all.version,
    country_calling_codes: { 86: all.country_calling_codes['86'] },
    countries: { CN: all.countries.CN },
    nonGeographic: {},
  };
}

const FILE = path.join(__dirname, '..', 'src', 'rules', 'phone', 'cn-metadata.json');

module.exports = { chinaMetadata, FILE };

if (require.main === module) {
  fs.writeFileSync(FILE, `${JSON.stringify(chinaMetadata())}\n`);
  console.log(`wrote ${path.relative(process.cwd(), FILE)}`);
}
