/* global document, window */
// The published register's page: search the embedded register, and check a certificate's
// Ed25519 signature with the browser's own WebCrypto. Plain script, no dependencies, and it works
// from the file system: everything it needs is in the page. Text from the register only ever
// reaches the page through textContent, never as markup.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('register-data').textContent);
  var labels = data.labels;
  var PAGE = 50;

  // ---- small helpers -------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        if (key === 'text') node.textContent = attrs[key];
        else if (key === 'className') node.className = attrs[key];
        else node.setAttribute(key, attrs[key]);
      });
    }
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) node.appendChild(child);
    });
    return node;
  }

  /** "4 March 2026" from "2026-03-04", without time zones getting in the way. */
  function longDate(iso) {
    if (!iso) return '';
    var parts = iso.split('-');
    return Number(parts[2]) + ' ' + labels.months[Number(parts[1]) - 1] + ' ' + parts[0];
  }

  function todayIso() {
    var d = new Date();
    var m = String(d.getMonth() + 1).padStart(2, '0');
    var day = String(d.getDate()).padStart(2, '0');
    return d.getFullYear() + '-' + m + '-' + day;
  }

  function plural(n, one, many) {
    return n.toLocaleString('en-GB') + ' ' + (n === 1 ? one : many);
  }

  // ---- statuses in words ---------------------------------------------------------------------

  /** The status today: an active or suspended certificate past its expiry date has expired. */
  function currentStatus(entry) {
    if ((entry.s === 'active' || entry.s === 'suspended') && todayIso() > entry.e) return 'expired';
    return entry.s;
  }

  function statusSentence(entry) {
    var status = currentStatus(entry);
    if (status === 'active') return 'Accredited and in force until ' + longDate(entry.e) + '.';
    if (status === 'suspended')
      return (
        'Suspended since ' +
        longDate(entry.d) +
        ': not in force while suspended, and the provider must not claim it.'
      );
    if (status === 'withdrawn')
      return 'Withdrawn on ' + longDate(entry.d) + ': no longer accredited.';
    if (status === 'expired')
      return 'Expired on ' + longDate(entry.e) + ': the accreditation has ended unless renewed.';
    return (
      'Superseded on ' +
      longDate(entry.d) +
      (entry.sb ? ' by certificate ' + entry.sb : '') +
      ': replaced by a newer certificate.'
    );
  }

  // ---- search --------------------------------------------------------------------------------

  var form = document.getElementById('search-form');
  var query = document.getElementById('q');
  var region = document.getElementById('region');
  var category = document.getElementById('category');
  var statusSelect = document.getElementById('status');
  var results = document.getElementById('results');
  var count = document.getElementById('result-count');
  var more = document.getElementById('more');

  function fillSelect(select, anyLabel, values, names) {
    select.appendChild(el('option', { value: '', text: anyLabel }));
    values.forEach(function (value) {
      select.appendChild(el('option', { value: value, text: names[value] }));
    });
  }
  fillSelect(region, 'Any region', Object.keys(labels.regions), labels.regions);
  fillSelect(category, 'Any kind', Object.keys(labels.categories), labels.categories);
  fillSelect(statusSelect, 'Any status', Object.keys(labels.statuses), labels.statuses);

  function normalise(text) {
    return String(text || '')
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\s+/g, ' ');
  }

  // What a search matches, worked out once: names, town, postcode (with and without its space).
  var haystacks = data.entries.map(function (entry) {
    return normalise(
      [
        entry.h,
        entry.n,
        entry.a,
        entry.p,
        (entry.p || '').replace(/\s/g, ''),
        entry.v
          .map(function (s) {
            return s.n;
          })
          .join(' '),
      ].join(' | '),
    );
  });

  var matches = [];
  var shown = 0;

  function serviceItem(service) {
    var facts = [
      labels.categories[service.c],
      'who can refer: ' + labels.routes[service.r].toLowerCase(),
      service.s ? 'self-referral accepted' : 'no self-referral',
      service.a
        ? 'accepting referrals' +
          (service.w === 0
            ? ', no wait'
            : service.w !== null
              ? ', wait about ' + plural(service.w, 'week', 'weeks')
              : '')
        : 'not accepting referrals at present',
    ];
    if (service.pl !== null) facts.push(plural(service.pl, 'place', 'places') + ' a month');
    facts.push('capacity confirmed ' + longDate(service.d));
    return el('li', {}, [
      el('strong', { text: service.n }),
      document.createTextNode(': ' + facts.join('; ') + '.'),
    ]);
  }

  function fact(list, term, value) {
    if (value === null || value === undefined || value === '') return;
    list.appendChild(el('dt', { text: term }));
    var dd = el('dd');
    if (typeof value === 'string') dd.textContent = value;
    else dd.appendChild(value);
    list.appendChild(dd);
  }

  function entryCard(entry, index) {
    var status = currentStatus(entry);
    var headingId = 'entry-' + index;
    var facts = el('dl', { className: 'facts' });
    fact(facts, 'Certificate', entry.n);
    fact(
      facts,
      'Accreditation',
      entry.o === 'conditional'
        ? 'Accredited with conditions' + (entry.cd ? ', due by ' + longDate(entry.cd) : '')
        : 'Accredited',
    );
    fact(facts, 'Valid', longDate(entry.i) + ' to ' + longDate(entry.e));
    fact(facts, 'Region', entry.r ? labels.regions[entry.r] : '');
    fact(facts, 'Address', [entry.a, entry.p].filter(Boolean).join(', '));
    fact(facts, 'Charity number', entry.ch);
    fact(facts, 'Company number', entry.co);
    if (entry.w && /^https?:\/\//i.test(entry.w))
      fact(facts, 'Website', el('a', { href: entry.w, rel: 'noopener noreferrer', text: entry.w }));
    fact(facts, 'Standard', entry.f);
    if (entry.b && status === 'active')
      fact(
        facts,
        'Open Badge',
        el('a', {
          href: entry.b,
          download: '',
          text: 'Download the badge (Open Badges 3.0, signed)',
        }),
      );
    var children = [
      el('h3', { id: headingId, text: entry.h }),
      el('p', { className: 'status status-text-' + status }, [
        el('span', { text: labels.statuses[status] }),
      ]),
      el('p', { text: statusSentence(entry) }),
      facts,
    ];
    if (entry.v.length > 0) {
      children.push(el('h4', { text: 'Services in scope' }));
      children.push(el('ul', { className: 'services' }, entry.v.map(serviceItem)));
    }
    return el('li', {}, [
      el(
        'article',
        { className: 'entry status-' + status, 'aria-labelledby': headingId },
        children,
      ),
    ]);
  }

  function showMore() {
    var fragment = document.createDocumentFragment();
    var until = Math.min(matches.length, shown + PAGE);
    for (var i = shown; i < until; i += 1)
      fragment.appendChild(entryCard(data.entries[matches[i]], matches[i]));
    results.appendChild(fragment);
    shown = until;
    more.hidden = shown >= matches.length;
    more.textContent = 'Show ' + Math.min(PAGE, matches.length - shown) + ' more';
  }

  function search() {
    var words = normalise(query.value).trim().split(' ').filter(Boolean);
    var wantRegion = region.value;
    var wantCategory = category.value;
    var wantStatus = statusSelect.value;
    matches = [];
    for (var i = 0; i < data.entries.length; i += 1) {
      var entry = data.entries[i];
      if (wantRegion && entry.r !== wantRegion) continue;
      if (wantStatus && currentStatus(entry) !== wantStatus) continue;
      if (
        wantCategory &&
        !entry.v.some(function (s) {
          return s.c === wantCategory;
        })
      )
        continue;
      var haystack = haystacks[i];
      if (
        !words.every(function (w) {
          return haystack.indexOf(w) >= 0;
        })
      )
        continue;
      matches.push(i);
    }
    results.textContent = '';
    shown = 0;
    count.textContent =
      matches.length === 0
        ? 'No certificates match your search.'
        : plural(matches.length, 'certificate matches', 'certificates match') +
          (matches.length > PAGE ? '; the first ' + PAGE + ' are shown.' : '.');
    showMore();
  }

  var timer = null;
  function searchSoon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 200);
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search();
  });
  query.addEventListener('input', searchSoon);
  [region, category, statusSelect].forEach(function (select) {
    select.addEventListener('change', search);
  });
  more.addEventListener('click', function () {
    var first = shown;
    showMore();
    // Keyboard users carry on from the first newly shown result.
    var next = results.children[first];
    var heading = next && next.querySelector('h3');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  });

  // ---- verifying a certificate ---------------------------------------------------------------

  /** RFC 8785 canonical JSON: sorted keys (UTF-16 order), no spaces, ECMAScript numbers. */
  function canonical(value) {
    if (value === null) return 'null';
    if (typeof value === 'number') {
      if (!isFinite(value)) throw new Error('a number that JSON cannot hold');
      return JSON.stringify(value);
    }
    if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
    if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
    if (typeof value === 'object') {
      var keys = Object.keys(value).sort(function (a, b) {
        return a < b ? -1 : a > b ? 1 : 0;
      });
      return (
        '{' +
        keys
          .map(function (k) {
            return JSON.stringify(k) + ':' + canonical(value[k]);
          })
          .join(',') +
        '}'
      );
    }
    throw new Error('a value that JSON cannot hold');
  }

  function base64UrlBytes(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
    var b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) b64 += '=';
    var binary = window.atob(b64);
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
    return out;
  }

  function pemBytes(pem) {
    var body = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
    var binary = window.atob(body);
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
    return out;
  }

  function hex(bytes) {
    return Array.prototype.map
      .call(new Uint8Array(bytes), function (b) {
        return b.toString(16).padStart(2, '0');
      })
      .join('');
  }

  /**
   * The keys certificates here may be signed with: the network's own, and those of networks
   * whose certificates it took in and trusts. Each key's id is worked out from the key itself.
   */
  function loadKey(pem) {
    var spki = pemBytes(pem);
    return Promise.all([
      crypto.subtle.importKey('spki', spki, { name: 'Ed25519' }, false, ['verify']),
      crypto.subtle.digest('SHA-256', spki),
    ]).then(function (results) {
      return { key: results[0], id: 'ed25519:' + hex(results[1]).slice(0, 32) };
    });
  }
  var ownKey = loadKey(data.publicKey);
  var keysPromise = Promise.all(
    [
      ownKey.then(function (k) {
        return { key: k.key, id: k.id, name: data.network.name };
      }),
    ].concat(
      (data.otherKeys || []).map(function (other) {
        return loadKey(other.pem).then(function (k) {
          return { key: k.key, id: k.id, name: other.name };
        });
      }),
    ),
  );
  ownKey.then(function (k) {
    document.getElementById('key-id').textContent = k.id;
  });

  var byNumber = {};
  data.entries.forEach(function (entry) {
    byNumber[entry.n] = entry;
  });

  /** A certificate PDF carries its signed JSON as an attached file; find and unpack it. */
  async function certificateFromPdf(bytes) {
    var text = new TextDecoder('latin1').decode(bytes);
    var at = 0;
    for (;;) {
      var start = text.indexOf('stream', at);
      if (start < 0) return null;
      if (text.slice(start - 3, start) === 'end') {
        at = start + 6;
        continue;
      }
      var dataStart = start + 6;
      if (text[dataStart] === '\r') dataStart += 1;
      if (text[dataStart] === '\n') dataStart += 1;
      var end = text.indexOf('endstream', dataStart);
      if (end < 0) return null;
      // Every stream is skipped whole, so bytes inside one are never taken for a keyword.
      at = end + 9;
      var dictionary = text.slice(text.lastIndexOf(' obj', start), start);
      if (dictionary.indexOf('/EmbeddedFile') < 0) continue;
      try {
        // The stream is /Length bytes long; without a direct length, drop the line end before
        // "endstream" instead.
        var length = /\/Length (\d+)\b(?!\s+\d+\s+R)/.exec(dictionary);
        var stop = end;
        if (length) stop = Math.min(end, dataStart + Number(length[1]));
        else if (text[stop - 1] === '\n') stop -= text[stop - 2] === '\r' ? 2 : 1;
        var content = bytes.subarray(dataStart, stop);
        if (dictionary.indexOf('/FlateDecode') >= 0) {
          var stream = new Blob([content]).stream().pipeThrough(new DecompressionStream('deflate'));
          content = new Uint8Array(await new Response(stream).arrayBuffer());
        }
        var json = JSON.parse(new TextDecoder('utf-8').decode(content).trim());
        if (json && json.payload && json.payload.type === 'SPQACertificate') return json;
      } catch {
        // Not this one (a trailing line end after compressed data, or other content): go on.
      }
    }
  }

  function report(valid, title, lines) {
    var box = document.getElementById('verify-result');
    box.className = 'verify-result ' + (valid ? 'valid' : 'invalid');
    box.textContent = '';
    box.appendChild(el('h3', { text: title }));
    box.appendChild(
      el(
        'ul',
        {},
        lines.map(function (line) {
          return el('li', { text: line });
        }),
      ),
    );
  }

  async function verifyDocument(doc) {
    var payload = doc && doc.payload;
    var signature = doc && doc.signature;
    if (
      !payload ||
      typeof payload !== 'object' ||
      payload.type !== 'SPQACertificate' ||
      !signature ||
      signature.alg !== 'Ed25519' ||
      typeof signature.value !== 'string' ||
      typeof signature.keyId !== 'string'
    ) {
      report(false, 'This is not an SPQA certificate', [
        'The file is JSON, but not a signed SPQA certificate.',
      ]);
      return;
    }
    var keys = await keysPromise;
    var holder = payload.holder && payload.holder.name ? payload.holder.name : 'unknown holder';
    var signer = keys.find(function (k) {
      return k.id === signature.keyId;
    });
    if (!signer) {
      report(false, 'Not signed by this network', [
        'Certificate ' + payload.number + ' for ' + holder + '.',
        'It was signed with the key ' +
          signature.keyId +
          ', which is not ' +
          data.network.name +
          '’s key (' +
          keys[0].id +
          ') or one it trusts.',
      ]);
      return;
    }
    var genuine = false;
    try {
      genuine = await crypto.subtle.verify(
        { name: 'Ed25519' },
        signer.key,
        base64UrlBytes(signature.value),
        new TextEncoder().encode(canonical(payload)),
      );
    } catch {
      genuine = false;
    }
    if (!genuine) {
      report(false, 'Not genuine: the signature does not match', [
        'Certificate ' + payload.number + ' for ' + holder + '.',
        'The certificate has been changed since the network signed it, or the signature is not the network’s.',
      ]);
      return;
    }
    var lines = [
      'Certificate ' + payload.number + ' for ' + holder + '.',
      'The signature is genuine: ' +
        signer.name +
        ' issued this certificate and it has not been changed.',
      'Valid from ' + longDate(payload.issuedOn) + ' to ' + longDate(payload.expiresOn) + '.',
    ];
    var entry = byNumber[payload.number];
    if (!entry) {
      lines.push('It is not in this register, so its current status cannot be checked here.');
      report(false, 'Genuine, but not in this register', lines);
      return;
    }
    var status = currentStatus(entry);
    lines.push(
      'Status in this register: ' + labels.statuses[status] + '. ' + statusSentence(entry),
    );
    report(
      status === 'active',
      status === 'active'
        ? 'Genuine and active'
        : 'Genuine, but ' + labels.statuses[status].toLowerCase(),
      lines,
    );
  }

  async function verifyFile(file) {
    if (file.size > 32 * 1024 * 1024) {
      report(false, 'This file is too large to be a certificate', []);
      return;
    }
    var bytes = new Uint8Array(await file.arrayBuffer());
    var doc = null;
    if (new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-') {
      doc = await certificateFromPdf(bytes);
      if (!doc) {
        report(false, 'No certificate found in this PDF', [
          'Use the certificate PDF from the network, or the certificate’s JSON file.',
        ]);
        return;
      }
    } else {
      try {
        doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        report(false, 'This file cannot be read as a certificate', [
          file.name + ' is neither a certificate PDF nor JSON.',
        ]);
        return;
      }
    }
    await verifyDocument(doc);
  }

  var input = document.getElementById('certificate-file');
  var zone = document.getElementById('drop-zone');
  input.addEventListener('change', function () {
    if (input.files && input.files[0]) verifyFile(input.files[0]);
  });
  zone.addEventListener('dragover', function (event) {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', function () {
    zone.classList.remove('dragging');
  });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    zone.classList.remove('dragging');
    var files = event.dataTransfer && event.dataTransfer.files;
    if (files && files[0]) verifyFile(files[0]);
  });

  search();
})();
