import { describe, expect, it } from 'vitest';
import { cropBox } from '../../../utils/image/crop';

const selection = {
  x: 100,
  y: 50,
  width: 200,
  height: 150,
  viewportWidth: 1000,
  viewportHeight: 600,
};

describe('cropBox', () => {
  it.each([
    ['DPR 1', 1000, 600, { sx: 100, sy: 50, sw: 200, sh: 150 }],
    ['DPR 1.5', 1500, 900, { sx: 150, sy: 75, sw: 300, sh: 225 }],
    ['DPR 2', 2000, 1200, { sx: 200, sy: 100, sw: 400, sh: 300 }],
  ])('%s: CSS pixels scale to device pixels', (_name, width, height, expected) => {
    expect(cropBox(selection, width, height)).toEqual(expected);
  });

  it('page zoom: at 150 % the viewport is narrower in CSS px, the bitmap is not', () => {
    // 1000 device px wide window at zoom 1.5 → innerWidth 667 CSS px.
    const zoomed = {
      x: 100,
      y: 100,
      width: 100,
      height: 100,
      viewportWidth: 667,
      viewportHeight: 400,
    };
    expect(cropBox(zoomed, 1000, 600)).toEqual({ sx: 150, sy: 150, sw: 150, sh: 150 });
  });

  it('clamps a selection that runs past the edge', () => {
    expect(cropBox({ ...selection, x: 950, width: 200 }, 1000, 600)).toEqual({
      sx: 950,
      sy: 50,
      sw: 50,
      sh: 150,
    });
  });
});
