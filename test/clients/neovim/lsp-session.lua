-- Drives acklint-lsp from a real Neovim (0.7: vim.lsp.start_client, push diagnostics, UTF-16). Every step records
-- what it saw in `out`; the test reads the JSON written at the end and fails on any missing step.
local out = { steps = {}, statuses = {} }
local outfile = os.getenv('ACKLINT_NVIM_OUT')
local function finish()
  vim.fn.writefile({ vim.json.encode(out) }, outfile)
  vim.cmd('qall!')
end
local function step(name, value)
  out.steps[name] = value
end

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  local client_id = vim.lsp.start_client({
    name = 'acklint',
    cmd = { os.getenv('ACKLINT_NODE') or 'node', os.getenv('ACKLINT_LSP'), '--stdio' },
    root_dir = vim.fn.getcwd(),
    settings = { acklint = { enable = true } },
    init_options = { lintDelay = 20 },
    handlers = {
      ['acklint/status'] = function(_, result)
        table.insert(out.statuses, result)
      end,
    },
  })
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  local function has_rule(rule)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == rule then
        return d
      end
    end
    return nil
  end

  -- 1. Diagnostics arrive.
  vim.wait(15000, function()
    return has_rule('invalid-type') ~= nil
  end, 20)
  local d = has_rule('invalid-type')
  step('diagnostics', {
    count = #vim.diagnostic.get(buf),
    invalid_type = d and { lnum = d.lnum, col = d.col, end_col = d.end_col, source = d.source, message = d.message } or vim.NIL,
  })

  -- 2. Hover on the key of the field.
  local pos = { textDocument = { uri = uri }, position = { line = 5, character = 3 } }
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', pos, 5000)
  local h = hover and hover[client_id] and hover[client_id].result
  step('hover', h and h.contents and h.contents.value or vim.NIL)

  -- 3. Completion at the start of an empty line below the last key.
  local lines = vim.api.nvim_buf_line_count(buf)
  vim.api.nvim_buf_set_lines(buf, lines, lines, false, { 'pro' })
  vim.wait(300)
  local comp = vim.lsp.buf_request_sync(buf, 'textDocument/completion', { textDocument = { uri = uri }, position = { line = lines, character = 3 } }, 5000)
  local items = comp and comp[client_id] and comp[client_id].result or {}
  if items.items then
    items = items.items
  end
  local labels = {}
  for _, i in ipairs(items) do
    table.insert(labels, i.label)
  end
  step('completion', labels)
  vim.api.nvim_buf_set_lines(buf, lines, lines + 1, false, {})

  -- 4. The quick fix for the finding, applied to the buffer.
  local range = { start = { line = 5, character = 0 }, ['end'] = { line = 5, character = 40 } }
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', { textDocument = { uri = uri }, range = range, context = { diagnostics = {} } }, 5000)
  local list = actions and actions[client_id] and actions[client_id].result or {}
  local titles, fix = {}, nil
  for _, a in ipairs(list) do
    table.insert(titles, a.title)
    if a.kind == 'quickfix' and a.isPreferred and a.edit then
      fix = fix or a
    end
  end
  step('code_actions', titles)
  if fix then
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
    step('applied', fix.title)
    step('line_after_fix', vim.api.nvim_buf_get_lines(buf, 5, 6, false)[1])
  end

  -- 5. The finding goes away after the edit.
  local gone = vim.wait(15000, function()
    return has_rule('invalid-type') == nil and #vim.diagnostic.get(buf) > 0
  end, 20)
  step('fixed', gone)
  step('offset_encoding', client.offset_encoding)
  vim.lsp.stop_client(client_id)
end)
if not ok then
  out.error = tostring(err)
end
finish()
