const express = require('express');
const app = express();

app.get('/hello', (req, res) => {
  const name = req.query.name;
  // template literal
  // ruleid: taint-js-xss
  res.send(`<h1>Hello ${name}</h1>`);
  // ok: taint-js-xss
  res.send(`<h1>Hello ${escapeHtml(name)}</h1>`);
  const greeting = '<p>' + name + '</p>';
  // ruleid: taint-js-xss
  res.write(greeting);
  // ok: taint-js-xss
  res.send('<p>static</p>');
});

app.get('/destructure', function (req, res) {
  const { q, page } = req.query;
  const link = '/search?q=' + encodeURIComponent(q);
  // ok: taint-js-xss
  res.send(`<a href="${link}">next</a>`);
  // ruleid: taint-js-xss
  res.send(`<b>${page}</b>`);
});

function notAHandler(res, req2) {
  const v = 'constant';
  // ok: taint-js-xss
  res.send(v);
}
